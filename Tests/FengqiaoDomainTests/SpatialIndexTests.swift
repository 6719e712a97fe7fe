import FengqiaoDomain
import XCTest

final class SpatialIndexTests: XCTestCase {
    /// A counter-clockwise rectangle ring.
    func rect(_ lon0: Double, _ lat0: Double, _ lon1: Double, _ lat1: Double) -> [Coordinate] {
        [(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1), (lon0, lat0)].map { Coordinate(latitude: $0.1, longitude: $0.0) }
    }

    func point(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(latitude: lat, longitude: lon) }

    /// A 10 × 10 tiling of 0.01° cells: every point inside, edges and corners included, lands in exactly one cell.
    func testATilingAnswersEveryPointOnceIncludingEdges() {
        // Neighbours share the very same edge coordinates, as tiles of a real tiling do.
        let lons = (0...10).map { 109.8 + Double($0) * 0.01 }, lats = (0...10).map { 40.6 + Double($0) * 0.01 }
        var entries: [SpatialIndex<Int>.Entry] = []
        for r in 0..<10 {
            for c in 0..<10 {
                entries.append(.init(id: r * 10 + c, polygons: [GeoPolygon(exterior: rect(lons[c], lats[r], lons[c + 1], lats[r + 1]))]))
            }
        }
        let index = SpatialIndex(entries)
        XCTAssertEqual(index.locate(point(109.805, 40.605)), 0)
        XCTAssertEqual(index.locate(point(109.895, 40.695)), 99)
        // Points on shared edges and corners: exactly one owner, the same as a brute-force scan.
        for r in 0...20 {
            for c in 0...20 {
                let lon = c % 2 == 0 ? lons[c / 2] : (lons[c / 2] + lons[c / 2 + 1]) / 2
                let lat = r % 2 == 0 ? lats[r / 2] : (lats[r / 2] + lats[r / 2 + 1]) / 2
                let p = point(lon, lat)
                let owners = entries.filter { $0.polygons[0].contains(p) }.map(\.id)
                let insideTiling = r < 20 && c < 20  // the north and east outer edges are outside (half-open)
                XCTAssertEqual(owners.count, insideTiling ? 1 : 0, "\(p) in \(owners)")
                XCTAssertEqual(index.locate(p), owners.first, "\(p)")
            }
        }
        XCTAssertNil(index.locate(point(109.7, 40.65)), "outside the tiling")
        XCTAssertNil(index.locate(point(109.85, 41.0)))
    }

    func testHolesAreNotInside() {
        let ring = GeoPolygon(exterior: rect(0, 0, 10, 10), holes: [rect(4, 4, 6, 6).reversed()])
        let island = GeoPolygon(exterior: rect(4, 4, 6, 6))
        let index = SpatialIndex([.init(id: "ring", polygons: [ring]), .init(id: "island", polygons: [island])])
        XCTAssertEqual(index.locate(point(1, 1)), "ring")
        XCTAssertEqual(index.locate(point(5, 5)), "island", "the hole belongs to the area drawn inside it")
        XCTAssertEqual(index.locate(point(7, 5)), "ring")
    }

    func testMultiPolygonsAnswerForEachPart() {
        let index = SpatialIndex([
            .init(id: "park", polygons: [GeoPolygon(exterior: rect(0, 0, 1, 1)), GeoPolygon(exterior: rect(5, 5, 6, 6))]),
            .init(id: "between", polygons: [GeoPolygon(exterior: rect(2, 2, 3, 3))]),
        ])
        XCTAssertEqual(index.locate(point(0.5, 0.5)), "park")
        XCTAssertEqual(index.locate(point(5.5, 5.5)), "park")
        XCTAssertEqual(index.locate(point(2.5, 2.5)), "between")
        XCTAssertNil(index.locate(point(4, 4)), "inside the bounding box, in no part")
    }

    func testNonRectangularPolygonsAreExact() {
        // A triangle: its box holds points the triangle does not.
        let triangle = GeoPolygon(exterior: [point(0, 0), point(10, 0), point(0, 10), point(0, 0)])
        let index = SpatialIndex([.init(id: 1, polygons: [triangle])])
        XCTAssertEqual(index.locate(point(2, 2)), 1)
        XCTAssertNil(index.locate(point(8, 8)))
    }

    func testOverlapsResolveToTheFirstGivenAndEmptyEntriesAreDropped() {
        let ordinary = GeoPolygon(exterior: rect(0, 0, 10, 10))
        let special = GeoPolygon(exterior: rect(2, 2, 4, 4))
        let index = SpatialIndex([
            .init(id: "empty", polygons: []), .init(id: "ordinary", polygons: [ordinary]), .init(id: "school", polygons: [special]),
        ])
        XCTAssertEqual(index.count, 2)
        XCTAssertEqual(index.locate(point(3, 3)), "ordinary")
        XCTAssertNil(SpatialIndex<Int>([]).locate(point(0, 0)))
    }
}
