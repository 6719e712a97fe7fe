import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class MapValidationTests: XCTestCase {
    func testTheDemoMapPassesEveryCheck() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, _ in
            let result = try await MapValidation(platform: try TestPlatform.make(database: db)).checkAll()
            XCTAssertGreaterThan(result.areasChecked, 50)
            XCTAssertGreaterThan(result.familiesChecked, 10)
            XCTAssertEqual(result.problems.map(\.message), [])
        }
    }

    /// A village drawn wrong in four ways at once: every fault is reported, on the area it concerns.
    func testEveryBrokenBoundaryIsReported() async throws {
        try await TestDatabases.withSQLite { db in
            try await SampleAreas.insert(into: db)
            let box = SampleAreas.rectangle
            let bowtie = #"{"type":"Polygon","coordinates":[[[109.81,40.61],[109.82,40.62],[109.82,40.61],[109.81,40.62],[109.81,40.61]]]}"#
            try await db.write { sql in
                try await AreaRepository(sql).insert([
                    // Sticks out of the village to the east.
                    AreaRecord(code: "150207001001002", parentCode: SampleAreas.village, level: "grid", gridKind: "ordinary",
                               name: "出界网格", boundary: box(40.60, 109.81, 40.61, 109.83), createdAt: 0),
                    // Lies over grid 1.
                    AreaRecord(code: "150207001001003", parentCode: SampleAreas.village, level: "grid", gridKind: "ordinary",
                               name: "重叠网格", boundary: box(40.605, 109.805, 40.615, 109.815), createdAt: 0),
                    // Crosses itself.
                    AreaRecord(code: "150207001001004", parentCode: SampleAreas.village, level: "grid", gridKind: "ordinary",
                               name: "自相交网格", boundary: bowtie, createdAt: 0),
                ])
            }
            let result = try await MapValidation(platform: try TestPlatform.make(database: db)).checkAll()
            let found = result.problems.map { "\($0.code.rawValue) \($0.areaCode?.rawValue ?? "")" }
            XCTAssertTrue(found.contains("self_intersection 150207001001004"), "\(found)")
            XCTAssertTrue(found.contains("outside_parent 150207001001002"), "\(found)")
            XCTAssertTrue(found.contains { $0.hasPrefix("overlaps_sibling") && $0.contains("150207001001") }, "\(found)")
            XCTAssertTrue(found.contains("gap_in_parent \(SampleAreas.village)"), "\(found)")
            let outside = try XCTUnwrap(result.problems.first { $0.code == .outsideParent })
            // 0.01° × 0.01° at 40.6° N is about 940,800 m².
            XCTAssertEqual(outside.squareMetres ?? 0, 940_800, accuracy: 5_000)
            XCTAssertTrue(outside.message.contains("平方米"))
        }
    }
}
