import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Area boundaries are valid GeoJSON, and each level tiles its parent: children lie inside it, do not
/// overlap each other and add up to its whole area. Special grids lie inside their village.
final class DemoTilingTests: XCTestCase {
    /// A rectangle in integer micro-degrees, read back from a stored boundary.
    private struct Rect {
        let west: Int, south: Int, east: Int, north: Int
        var area: Int { (east - west) * (north - south) }
        func contains(_ o: Rect) -> Bool { o.west >= west && o.east <= east && o.south >= south && o.north <= north }
        func overlaps(_ o: Rect) -> Bool {
            min(east, o.east) > max(west, o.west) && min(north, o.north) > max(south, o.south)
        }
    }

    private struct Area {
        let code: String, parent: String?, level: String, kind: String?, rect: Rect
    }

    func testTinyLevelsTileTheirParents() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, _ in try await self.checkTiling(self.stored(db)) }
    }

    func testSmallLevelsTileTheirParents() async throws {
        try await DemoFixture.withDemoDatabase(seed: 3, scale: .small) { db, _ in
            try await self.checkTiling(self.stored(db))
        }
    }

    /// `large` adds ≈25,000 micro-grids, which must tile their grids too (checked without a database).
    func testLargeMicroGridsTileTheirGrids() throws {
        let records = DemoGenerator(seed: 1, scale: .large, now: DemoFixture.now).areaRecords()
        let micro = records.filter { $0.level == AreaLevel.microGrid.rawValue }.count
        XCTAssertEqual(Double(micro), 25_000, accuracy: 2_500)
        try checkTiling(
            records.map { record in
                func text(_ value: Double?) -> String { value.map { String($0) } ?? "∅" }
                return [
                    "code": record.code, "parent_code": record.parentCode ?? "∅", "level": record.level,
                    "grid_kind": record.gridKind ?? "∅", "boundary": record.boundary ?? "",
                    "min_lat": text(record.minLat),
                    "min_lon": text(record.minLon), "max_lat": text(record.maxLat), "max_lon": text(record.maxLon),
                ]
            })
    }

    private func stored(_ db: any Database) async throws -> [[String: String]] {
        try await DemoRows.query(
            db, "SELECT code, parent_code, level, grid_kind, boundary, min_lat, min_lon, max_lat, max_lon FROM areas")
    }

    private func checkTiling(_ rows: [[String: String]]) throws {
        var areas: [String: Area] = [:]
        for row in rows {
            let code = try XCTUnwrap(row["code"])
            let rect = try XCTUnwrap(
                rectangle(fromGeoJSON: row["boundary"] ?? ""), "\(code): boundary is not a closed CCW rectangle")
            // The bounding-box columns agree with the polygon.
            XCTAssertEqual(micro(row["min_lon"]), rect.west, code)
            XCTAssertEqual(micro(row["max_lon"]), rect.east, code)
            XCTAssertEqual(micro(row["min_lat"]), rect.south, code)
            XCTAssertEqual(micro(row["max_lat"]), rect.north, code)
            XCTAssertGreaterThan(rect.area, 0, code)
            let parent = row["parent_code"].flatMap { $0 == "∅" ? nil : $0 }
            let kind = row["grid_kind"].flatMap { $0 == "∅" ? nil : $0 }
            areas[code] = Area(code: code, parent: parent, level: row["level"] ?? "", kind: kind, rect: rect)
        }
        let children = Dictionary(grouping: areas.values.filter { $0.parent != nil }) { $0.parent ?? "" }
        var tiledParents = 0
        for (parentCode, all) in children {
            let parent = try XCTUnwrap(areas[parentCode], "\(parentCode) is referenced but missing")
            let tiles = all.filter { $0.kind == nil || $0.kind == GridKind.ordinary.rawValue }
            for special in all where !tiles.contains(where: { $0.code == special.code }) {
                XCTAssertTrue(parent.rect.contains(special.rect), "\(special.code) lies outside \(parentCode)")
            }
            guard !tiles.isEmpty else { continue }
            tiledParents += 1
            XCTAssertEqual(
                tiles.map(\.rect.area).reduce(0, +), parent.rect.area, "\(parentCode): children do not add up")
            for child in tiles {
                XCTAssertTrue(parent.rect.contains(child.rect), "\(child.code) sticks out of \(parentCode)")
                let significant = ["city": 4, "county": 6, "township": 9, "village": 12, "grid": 15][parent.level] ?? 0
                XCTAssertTrue(
                    child.code.hasPrefix(parentCode.prefix(significant)),
                    "\(child.code) is not numbered under \(parentCode)")
            }
            let sorted = tiles.sorted { $0.rect.west < $1.rect.west }
            for i in sorted.indices {
                for j in (i + 1)..<sorted.count {
                    if sorted[j].rect.west >= sorted[i].rect.east { break }
                    XCTAssertFalse(
                        sorted[i].rect.overlaps(sorted[j].rect), "\(sorted[i].code) overlaps \(sorted[j].code)")
                }
            }
        }
        XCTAssertGreaterThan(tiledParents, 10)
    }

    private func micro(_ text: String?) -> Int? { text.flatMap(Double.init).map { Int(($0 * 1e6).rounded()) } }

    /// The rectangle a GeoJSON polygon describes, if it is one closed, counter-clockwise, axis-aligned ring.
    private func rectangle(fromGeoJSON text: String) -> Rect? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            object["type"] as? String == "Polygon", let rings = object["coordinates"] as? [[[Double]]],
            rings.count == 1, let ring = rings.first, ring.count == 5, ring.first == ring.last,
            GeoPolygon.signedArea(ring.map { Coordinate(latitude: $0[1], longitude: $0[0]) }) > 0,
            GeoPolygon(geoJSON: text) != nil
        else { return nil }
        let xs = ring.map { Int(($0[0] * 1e6).rounded()) }
        let ys = ring.map { Int(($0[1] * 1e6).rounded()) }
        guard Set(xs).count == 2, Set(ys).count == 2, let west = xs.min(), let east = xs.max(), let south = ys.min(),
            let north = ys.max()
        else { return nil }
        return Rect(west: west, south: south, east: east, north: north)
    }
}
