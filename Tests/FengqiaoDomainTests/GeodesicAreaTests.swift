import FengqiaoDomain
import Foundation
import XCTest

final class GeodesicAreaTests: XCTestCase {
    typealias F = BoundaryFixtures

    func testSmallCellAtLatitude40_6MatchesTheClosedForm() {
        let polygon = GeoPolygon(exterior: F.rect(109.8, 40.6, 109.81, 40.61))
        let expected = F.cellSquareMetres(109.8, 40.6, 109.81, 40.61)
        XCTAssertEqual(expected, 940_820.8, accuracy: 0.5, "checked independently: R²·Δλ·(sin φ₂ − sin φ₁)")
        XCTAssertEqual(polygon.squareMetres, expected, accuracy: expected * 1e-9)
    }

    /// On the R = 6,378,137 m sphere a 1° × 1° cell at the equator is 12,391.4 km². (The often quoted
    /// ≈ 12,364 km² is the same cell on the authalic sphere, R = 6,371,007 m.)
    func testOneDegreeCellAtTheEquator() {
        let polygon = GeoPolygon(exterior: F.rect(0, 0, 1, 1))
        XCTAssertEqual(polygon.squareMetres / 1e6, 12_391.4, accuracy: 0.1)
        XCTAssertEqual(polygon.squareMetres, F.cellSquareMetres(0, 0, 1, 1), accuracy: 1)
    }

    func testAHundredSquareMetresAndTwentyThousandSquareKilometres() {
        // 10 m × 10 m at 40° N, from the sphere's metres per degree.
        let rad = Double.pi / 180
        let dLat = 10 / (F.radius * rad)
        let dLon = 10 / (F.radius * rad * cos(40 * rad))
        let small = GeoPolygon(exterior: F.rect(110, 40 - dLat / 2, 110 + dLon, 40 + dLat / 2))
        XCTAssertEqual(small.squareMetres, 100, accuracy: 0.01)

        // A large county: 1.4° × 1.5° around 40° N ≈ 20,000 km².
        let large = GeoPolygon(exterior: F.rect(109, 39.25, 110.4, 40.75))
        let expected = F.cellSquareMetres(109, 39.25, 110.4, 40.75)
        XCTAssertEqual(expected / 1e6, 19_930, accuracy: 50)
        XCTAssertEqual(large.squareMetres, expected, accuracy: expected * 1e-9)
    }

    /// Slanted edges, checked against a brute-force integral over thin longitude strips.
    func testASlantedTriangleMatchesNumericalIntegration() {
        let a = (109.0, 40.0)
        let b = (109.3, 40.05)
        let c = (109.1, 40.4)
        let polygon = GeoPolygon(exterior: F.ring([a, b, c, a]))
        func latitude(on p: (Double, Double), _ q: (Double, Double), at lon: Double) -> Double {
            p.1 + (q.1 - p.1) * (lon - p.0) / (q.0 - p.0)
        }
        let steps = 30_000
        let rad = Double.pi / 180
        var sum = 0.0
        for i in 0..<steps {
            let lon = a.0 + (b.0 - a.0) * (Double(i) + 0.5) / Double(steps)
            let bottom = latitude(on: a, b, at: lon)
            let top = lon < c.0 ? latitude(on: a, c, at: lon) : latitude(on: c, b, at: lon)
            sum += (sin(top * rad) - sin(bottom * rad)) * (b.0 - a.0) / Double(steps) * rad
        }
        let expected = F.radius * F.radius * sum
        XCTAssertEqual(polygon.squareMetres, expected, accuracy: expected * 1e-6)
    }

    func testHolesAreTakenAwayAndDirectionDoesNotMatter() {
        let outer = F.rect(109.8, 40.6, 109.82, 40.62)
        let hole = F.rect(109.805, 40.605, 109.81, 40.61)
        let polygon = GeoPolygon(exterior: outer, holes: [hole])
        let expected =
            F.cellSquareMetres(109.8, 40.6, 109.82, 40.62) - F.cellSquareMetres(109.805, 40.605, 109.81, 40.61)
        XCTAssertEqual(polygon.squareMetres, expected, accuracy: 1e-3)
        XCTAssertEqual(
            GeoPolygon(exterior: outer.reversed(), holes: [hole.reversed()]).squareMetres, expected, accuracy: 1e-3)
        XCTAssertGreaterThan(GeodesicArea.signedSquareMetres(ofRing: outer), 0, "counter-clockwise is positive")
        XCTAssertLessThan(GeodesicArea.signedSquareMetres(ofRing: outer.reversed()), 0)

        let second = GeoPolygon(exterior: F.rect(109.9, 40.6, 109.91, 40.61))
        XCTAssertEqual(
            GeodesicArea.squareMetres(of: [polygon, second]),
            expected + F.cellSquareMetres(109.9, 40.6, 109.91, 40.61), accuracy: 1e-3)
    }
}
