import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// The point → grid index over the demo map agrees with a brute-force scan of every grid.
final class DemoSpatialIndexTests: XCTestCase {
    func testIndexAgreesWithBruteForceOnTheSmallMap() throws {
        let grids = DemoGenerator(seed: 1, scale: .small, now: DemoFixture.now).areaRecords()
            .filter { $0.level == AreaLevel.grid.rawValue && $0.gridKind == GridKind.ordinary.rawValue }
        let entries = grids.compactMap { area in
            area.boundary.flatMap(GeoPolygon.init(geoJSON:)).map { SpatialIndex<String>.Entry(id: area.code, polygons: [$0]) }
        }
        XCTAssertEqual(entries.count, grids.count, "every grid has a readable boundary")
        XCTAssertGreaterThan(entries.count, 1000)
        let index = SpatialIndex(entries)

        // Each grid's centre resolves to that grid.
        for entry in entries {
            guard let center = entry.polygons[0].boundingBox?.center else { return XCTFail(entry.id) }
            XCTAssertEqual(index.locate(center), entry.id)
        }
        // Points spread over the whole map (and beyond it) agree with scanning every grid.
        let boxes = entries.compactMap { $0.polygons[0].boundingBox }
        let minLon = boxes.map(\.minLongitude).min() ?? 0, maxLon = boxes.map(\.maxLongitude).max() ?? 0
        let minLat = boxes.map(\.minLatitude).min() ?? 0, maxLat = boxes.map(\.maxLatitude).max() ?? 0
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<3000 {
            let p = Coordinate(latitude: minLat - 0.01 + next() * (maxLat - minLat + 0.02),
                               longitude: minLon - 0.01 + next() * (maxLon - minLon + 0.02))
            let brute = entries.first { $0.polygons.contains { $0.contains(p) } }?.id
            XCTAssertEqual(index.locate(p), brute, "\(p)")
        }
    }
}
