import FengqiaoDomain
import Foundation
import XCTest

/// Builders shared by the boundary tests. Points are written `(longitude, latitude)` as in GeoJSON.
enum BoundaryFixtures {
    static let radius = 6_378_137.0

    static func ring(_ points: [(Double, Double)]) -> [Coordinate] {
        points.map { Coordinate(latitude: $0.1, longitude: $0.0) }
    }

    /// A closed counter-clockwise rectangle.
    static func rect(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> [Coordinate] {
        ring([(west, south), (east, south), (east, north), (west, north), (west, south)])
    }

    /// The exact area of a longitude/latitude cell on the sphere: R² · Δλ · (sin φ₂ − sin φ₁), derived
    /// directly (∫∫ R² cos φ dφ dλ), not through the code under test.
    static func cellSquareMetres(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> Double {
        let rad = Double.pi / 180
        return radius * radius * (east - west) * rad * (sin(north * rad) - sin(south * rad))
    }

    /// `{"type":"Polygon","coordinates":[…]}` from rings of `(longitude, latitude)` written as given.
    static func polygonJSON(_ rings: [[(Double, Double)]]) -> String {
        #"{"type":"Polygon","coordinates":"# + ringsJSON(rings) + "}"
    }

    static func multiPolygonJSON(_ polygons: [[[(Double, Double)]]]) -> String {
        #"{"type":"MultiPolygon","coordinates":["# + polygons.map(ringsJSON).joined(separator: ",") + "]}"
    }

    static func ringsJSON(_ rings: [[(Double, Double)]]) -> String {
        "[" + rings.map { "[" + $0.map { "[\($0.0),\($0.1)]" }.joined(separator: ",") + "]" }.joined(separator: ",")
            + "]"
    }

    /// A boundary that must be valid.
    static func boundary(
        _ rings: [Coordinate]..., file: StaticString = #filePath, line: UInt = #line
    ) throws -> GeoBoundary {
        try valid(GeoBoundary.validate(rings: [rings]), file: file, line: line)
    }

    static func valid(
        _ result: Result<GeoBoundary, BoundaryRejection>, file: StaticString = #filePath, line: UInt = #line
    ) throws -> GeoBoundary {
        switch result {
        case .success(let boundary): return boundary
        case .failure(let rejection):
            XCTFail("rejected: \(rejection.problems)", file: file, line: line)
            throw rejection
        }
    }

    /// The problems of a boundary that must be rejected.
    static func problems(
        _ result: Result<GeoBoundary, BoundaryRejection>, file: StaticString = #filePath, line: UInt = #line
    ) -> [BoundaryProblem] {
        switch result {
        case .success:
            XCTFail("accepted an invalid boundary", file: file, line: line)
            return []
        case .failure(let rejection): return rejection.problems
        }
    }

    static func code(_ text: String) -> AreaCode {
        guard let code = AreaCode(text) else { preconditionFailure("bad test code \(text)") }
        return code
    }
}

/// A small deterministic random generator (SplitMix64) for test data.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(UInt64(1) << 53)
    }
}
