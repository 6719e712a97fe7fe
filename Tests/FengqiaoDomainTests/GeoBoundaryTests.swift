import FengqiaoDomain
import Foundation
import XCTest

/// Reading boundaries: valid Polygons and MultiPolygons pass with their area; every kind of broken input is
/// rejected with its own code, never repaired in silence.
final class GeoBoundaryTests: XCTestCase {
    typealias F = BoundaryFixtures
    let square = [(109.8, 40.6), (109.81, 40.6), (109.81, 40.61), (109.8, 40.61), (109.8, 40.6)]
    let grid = F.code("150207001001001")

    private func codes(_ text: String) -> [BoundaryProblem.Code] {
        F.problems(GeoBoundary.read(geoJSON: text)).map(\.code)
    }

    // MARK: - Accepted

    func testAValidPolygonPassesWithItsArea() throws {
        let boundary = try F.valid(GeoBoundary.read(geoJSON: F.polygonJSON([square])))
        XCTAssertEqual(boundary.polygons.count, 1)
        XCTAssertEqual(boundary.squareMetres, F.cellSquareMetres(109.8, 40.6, 109.81, 40.61), accuracy: 1e-3)
        // Clockwise input is accepted (RFC 7946 readers must not reject by winding) and re-oriented.
        let clockwise = try F.valid(GeoBoundary.read(geoJSON: F.polygonJSON([square.reversed()])))
        XCTAssertEqual(clockwise.squareMetres, boundary.squareMetres, accuracy: 1e-6)
        XCTAssertGreaterThan(GeoPolygon.signedArea(clockwise.polygons[0].exterior), 0)
    }

    func testAFeatureWithAMultiPolygonPasses() throws {
        let east = square.map { ($0.0 + 0.01, $0.1) }  // shares an edge with the first part
        let far = square.map { ($0.0 + 0.05, $0.1 + 0.05) }
        let text =
            #"{"type":"Feature","properties":{"name":"园区"},"geometry":"#
            + F.multiPolygonJSON([[square], [east], [far]]) + "}"
        let boundary = try F.valid(GeoBoundary.read(geoJSON: text))
        XCTAssertEqual(boundary.polygons.count, 3)
        let expected =
            F.cellSquareMetres(109.8, 40.6, 109.82, 40.61) + F.cellSquareMetres(109.85, 40.65, 109.86, 40.66)
        XCTAssertEqual(boundary.squareMetres, expected, accuracy: 1e-3)
        XCTAssertTrue(boundary.geoJSON().hasPrefix(#"{"type":"MultiPolygon""#))
        let again = try F.valid(GeoBoundary.read(geoJSON: boundary.geoJSON()))
        XCTAssertEqual(again.squareMetres, boundary.squareMetres, accuracy: 1)
    }

    func testAPolygonWithAHolePasses() throws {
        let hole = [(109.803, 40.603), (109.803, 40.606), (109.806, 40.606), (109.806, 40.603), (109.803, 40.603)]
        // An altitude in a position is allowed and ignored.
        let text = F.polygonJSON([square, hole]).replacingOccurrences(of: "[109.8,40.6]", with: "[109.8,40.6,1050.5]")
        let boundary = try F.valid(GeoBoundary.read(geoJSON: text))
        XCTAssertEqual(boundary.polygons[0].holes.count, 1)
        let expected =
            F.cellSquareMetres(109.8, 40.6, 109.81, 40.61) - F.cellSquareMetres(109.803, 40.603, 109.806, 40.606)
        XCTAssertEqual(boundary.squareMetres, expected, accuracy: 1e-3)
        XCTAssertTrue(boundary.geoJSON().hasPrefix(#"{"type":"Polygon""#))
    }

    func testAHoleTouchingTheExteriorAtOneVertexPasses() throws {
        let hole = [(109.8, 40.605), (109.805, 40.603), (109.805, 40.607), (109.8, 40.605)]
        XCTAssertNoThrow(try F.valid(GeoBoundary.read(geoJSON: F.polygonJSON([square, hole]))))
    }

    /// An island in a lake: the second part lies inside the first part's hole, which is not an overlap.
    func testAnIslandInsideAHoleOfAnotherPartPasses() throws {
        let lake = [(109.802, 40.602), (109.808, 40.602), (109.808, 40.608), (109.802, 40.608), (109.802, 40.602)]
        let island = [(109.804, 40.604), (109.806, 40.604), (109.806, 40.606), (109.804, 40.606), (109.804, 40.604)]
        let boundary = try F.valid(GeoBoundary.read(geoJSON: F.multiPolygonJSON([[square, lake], [island]])))
        let expected =
            F.cellSquareMetres(109.8, 40.6, 109.81, 40.61) - F.cellSquareMetres(109.802, 40.602, 109.808, 40.608)
            + F.cellSquareMetres(109.804, 40.604, 109.806, 40.606)
        XCTAssertEqual(boundary.squareMetres, expected, accuracy: 1e-3)
        // Without the lake the island overlaps the first part completely.
        let overlapping = F.problems(GeoBoundary.read(geoJSON: F.multiPolygonJSON([[square], [island]])))
        XCTAssertEqual(overlapping.map(\.code), [.partsOverlap])
    }

    // MARK: - Not a boundary at all

    func testWhatIsNotAPolygonIsRejectedAsInvalidGeoJSON() {
        XCTAssertEqual(codes("not json"), [.invalidGeoJSON])
        XCTAssertEqual(codes("[1, 2]"), [.invalidGeoJSON])
        XCTAssertEqual(codes(#"{"type":"Point","coordinates":[109.8,40.6]}"#), [.invalidGeoJSON])
        XCTAssertEqual(codes(#"{"type":"LineString","coordinates":[[109.8,40.6],[109.9,40.7]]}"#), [.invalidGeoJSON])
        XCTAssertEqual(codes(#"{"type":"Polygon"}"#), [.invalidGeoJSON], "missing coordinates")
        XCTAssertEqual(codes(#"{"type":"Polygon","coordinates":[]}"#), [.invalidGeoJSON], "no rings")
        XCTAssertEqual(codes(#"{"type":"Feature","geometry":null}"#), [.invalidGeoJSON])
        XCTAssertEqual(codes(#"{"type":"FeatureCollection","features":[]}"#), [.invalidGeoJSON])
        XCTAssertEqual(codes(#"{"coordinates":[]}"#), [.invalidGeoJSON], "missing type")
        let stringy = F.polygonJSON([square]).replacingOccurrences(of: "[109.81,40.61]", with: #"["109.81","40.61"]"#)
        XCTAssertEqual(codes(stringy), [.invalidGeoJSON])
        let boolean = F.polygonJSON([square]).replacingOccurrences(of: "[109.81,40.61]", with: "[true,40.61]")
        XCTAssertEqual(codes(boolean), [.invalidGeoJSON])
        XCTAssertEqual(codes(F.polygonJSON([square]).replacingOccurrences(of: "40.61", with: "NaN")), [.invalidGeoJSON])

        let point = F.problems(GeoBoundary.read(geoJSON: #"{"type":"Point","coordinates":[1,2]}"#, areaCode: grid))
        XCTAssertEqual(point.first?.areaCode, grid)
        XCTAssertTrue(point.first?.message.contains("Point") ?? false, point.first?.message ?? "")
        XCTAssertTrue(point.first?.message.contains("Polygon 或 MultiPolygon") ?? false)
        let position = F.problems(GeoBoundary.read(geoJSON: stringy)).first?.message ?? ""
        XCTAssertTrue(position.contains("第 3 个坐标"), position)
    }

    // MARK: - Broken rings

    func testARingOfThreePositionsIsTooShort() {
        let problems = F.problems(GeoBoundary.read(geoJSON: F.polygonJSON([Array(square.prefix(3))])))
        XCTAssertEqual(problems.map(\.code), [.ringTooShort])
        XCTAssertEqual(problems.first?.ring, BoundaryProblem.RingIndex(polygon: 0, ring: 0))
        XCTAssertTrue(problems.first?.message.contains("只有 3 个坐标点") ?? false)
    }

    func testAnUnclosedRingIsRejectedNotClosedForIt() {
        let open = Array(square.dropLast())
        XCTAssertEqual(codes(F.polygonJSON([open])), [.ringNotClosed])
        let nearlyClosed = open + [(109.8, 40.600001)]
        XCTAssertEqual(codes(F.polygonJSON([nearlyClosed])), [.ringNotClosed])
    }

    func testCoordinatesOutOfRangeAndNotFiniteAreRejected() {
        var swapped = square.map { ($0.1, $0.0) }  // [latitude, longitude]: 109.8 is no latitude
        XCTAssertEqual(codes(F.polygonJSON([swapped])), [.coordinateOutOfRange])
        swapped = square.map { ($0.0 + 71, $0.1) }  // 180.8° E
        let problem = F.problems(GeoBoundary.read(geoJSON: F.polygonJSON([swapped]), areaCode: grid)).first
        XCTAssertEqual(problem?.code, .coordinateOutOfRange)
        XCTAssertEqual(problem?.message.contains("第 1 个坐标"), true, problem?.message ?? "")
        XCTAssertEqual(problem?.message.contains("150207001001001"), true)

        for bad in [Double.nan, .infinity, -.infinity] {
            var ring = F.ring(square)
            ring[2] = Coordinate(latitude: bad, longitude: 109.81)
            let problems = F.problems(GeoBoundary.validate(rings: [[ring]]))
            XCTAssertEqual(problems.map(\.code), [.coordinateOutOfRange], "\(bad)")
            XCTAssertEqual(problems.first?.message.contains("不是有效的数字"), true)
        }
    }

    func testARingWithoutAreaIsRejected() {
        let line = [(109.8, 40.6), (109.81, 40.6), (109.82, 40.6), (109.8, 40.6)]
        XCTAssertEqual(codes(F.polygonJSON([line])), [.zeroArea])
        // 0.5 m × 0.5 m is below the 1 m² minimum.
        let d = 0.5 / 111_000
        let tiny = [(109.8, 40.6), (109.8 + d, 40.6), (109.8 + d, 40.6 + d), (109.8, 40.6 + d), (109.8, 40.6)]
        XCTAssertEqual(codes(F.polygonJSON([tiny])), [.zeroArea])
    }

    func testABowtieSelfIntersectsAtItsCrossing() throws {
        let bowtie = [(109.8, 40.6), (109.81, 40.61), (109.81, 40.6), (109.8, 40.61), (109.8, 40.6)]
        let problems = F.problems(GeoBoundary.read(geoJSON: F.polygonJSON([bowtie]), areaCode: grid))
        XCTAssertEqual(problems.map(\.code), [.selfIntersection])
        let at = try XCTUnwrap(problems.first?.location)
        XCTAssertEqual(at.longitude, 109.805, accuracy: 1e-9)
        XCTAssertEqual(at.latitude, 40.605, accuracy: 1e-9)
        XCTAssertEqual(problems.first?.message, "网格 150207001001001 的外环在 (109.805, 40.605) 附近自相交（边相交、相接或重复经过同一点）")
    }

    func testAFigureEightThroughOneVertexAndASpikeSelfIntersect() throws {
        let eight = [
            (109.8, 40.6), (109.81, 40.6), (109.81, 40.61), (109.82, 40.61), (109.82, 40.62),
            (109.81, 40.62), (109.81, 40.61), (109.8, 40.61), (109.8, 40.6),
        ]
        let problems = F.problems(GeoBoundary.read(geoJSON: F.polygonJSON([eight])))
        XCTAssertEqual(problems.map(\.code), [.selfIntersection])
        XCTAssertEqual(problems.first?.location, Coordinate(latitude: 40.61, longitude: 109.81))

        let spike = [
            (109.8, 40.6), (109.81, 40.6), (109.815, 40.6), (109.81, 40.6), (109.81, 40.61),
            (109.8, 40.61), (109.8, 40.6),
        ]
        XCTAssertEqual(codes(F.polygonJSON([spike])), [.selfIntersection])
        // A vertex of the ring lying on one of its other edges.
        let touching = [(109.8, 40.6), (109.82, 40.6), (109.82, 40.61), (109.81, 40.6), (109.8, 40.61), (109.8, 40.6)]
        XCTAssertEqual(codes(F.polygonJSON([touching])), [.selfIntersection])
        // Repeated consecutive positions are harmless.
        let repeated = [square[0], square[0], square[1], square[2], square[2], square[3], square[4]]
        XCTAssertNoThrow(try F.valid(GeoBoundary.read(geoJSON: F.polygonJSON([repeated]))))
    }

    // MARK: - Holes and parts

    func testAHoleOutsideTheExteriorIsRejectedWithItsArea() throws {
        let outside = [(109.83, 40.6), (109.84, 40.6), (109.84, 40.61), (109.83, 40.61), (109.83, 40.6)]
        let problems = F.problems(GeoBoundary.read(geoJSON: F.polygonJSON([square, outside])))
        XCTAssertEqual(problems.map(\.code), [.holeOutside])
        XCTAssertEqual(problems.first?.ring, BoundaryProblem.RingIndex(polygon: 0, ring: 1))
        let area = try XCTUnwrap(problems.first?.squareMetres)
        XCTAssertEqual(area, F.cellSquareMetres(109.83, 40.6, 109.84, 40.61), accuracy: 1)

        // A hole crossing the east edge: 0.002° of its 0.004° width lies outside.
        let crossing = [(109.808, 40.603), (109.812, 40.603), (109.812, 40.606), (109.808, 40.606), (109.808, 40.603)]
        let crossed = F.problems(GeoBoundary.read(geoJSON: F.polygonJSON([square, crossing])))
        XCTAssertEqual(crossed.map(\.code), [.holeOutside])
        XCTAssertEqual(
            try XCTUnwrap(crossed.first?.squareMetres), F.cellSquareMetres(109.81, 40.603, 109.812, 40.606),
            accuracy: 0.5)
        XCTAssertEqual(crossed.first?.message.contains("第1个内环有约 "), true, crossed.first?.message ?? "")
    }

    func testOverlappingHolesAndOverlappingPartsAreRejected() throws {
        let hole1 = [(109.802, 40.602), (109.806, 40.602), (109.806, 40.606), (109.802, 40.606), (109.802, 40.602)]
        let hole2 = hole1.map { ($0.0 + 0.002, $0.1 + 0.001) }
        let holes = F.problems(GeoBoundary.read(geoJSON: F.polygonJSON([square, hole1, hole2])))
        XCTAssertEqual(holes.map(\.code), [.holesOverlap])
        XCTAssertEqual(
            try XCTUnwrap(holes.first?.squareMetres), F.cellSquareMetres(109.804, 40.603, 109.806, 40.606),
            accuracy: 0.5)

        let shifted = square.map { ($0.0 + 0.004, $0.1 + 0.005) }
        let parts = F.problems(GeoBoundary.read(geoJSON: F.multiPolygonJSON([[square], [shifted]])))
        XCTAssertEqual(parts.map(\.code), [.partsOverlap])
        XCTAssertEqual(
            try XCTUnwrap(parts.first?.squareMetres), F.cellSquareMetres(109.804, 40.605, 109.81, 40.61), accuracy: 1)
        XCTAssertEqual(parts.first?.message.contains("第1个多边形与第2个多边形重叠"), true, parts.first?.message ?? "")
    }

    func testEveryBrokenRingIsReportedAtOnce() {
        let open = Array(square.dropLast())
        let far = square.map { ($0.0 + 0.05, $0.1) }
        let text = F.multiPolygonJSON([[open], [Array(far.prefix(2))], [square]])
        let problems = F.problems(GeoBoundary.read(geoJSON: text))
        XCTAssertEqual(problems.map(\.code), [.ringNotClosed, .ringTooShort])
        XCTAssertEqual(problems.map(\.ring?.polygon), [0, 1])
        XCTAssertEqual(problems.first?.message.hasPrefix("边界的第1个多边形的外环没有闭合"), true, problems.first?.message ?? "")
    }

    // MARK: - Errors for an edit

    func testProblemsBecomeAValidationErrorOnTheBoundaryField() {
        let result = GeoBoundary.read(geoJSON: F.polygonJSON([Array(square.dropLast())]), areaCode: grid)
        guard case .failure(let rejection) = result else { return XCTFail("accepted") }
        let error = rejection.domainError()
        XCTAssertEqual(error.code, "validation_failed")
        guard case .validation(let fields) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(fields.map(\.field), ["boundary"])
        XCTAssertEqual(fields.map(\.code), ["ring_not_closed"])
        XCTAssertEqual(error.message, rejection.problems[0].message)
        XCTAssertEqual(
            DomainError.boundary(rejection.problems, field: "geometry"), rejection.domainError(field: "geometry"))
        XCTAssertEqual(BoundaryProblem.Code.gapInParent.rawValue, "gap_in_parent")
    }
}
