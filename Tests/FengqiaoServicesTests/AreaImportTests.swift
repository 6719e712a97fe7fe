import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class AreaImportTests: XCTestCase {
    static let admin = Caller(staff: Staff(accountID: 1, username: "admin", displayName: "管理员", role: .systemAdmin,
                                           jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.city)!)), ip: "t")

    static func feature(_ code: String, _ box: String) -> String {
        #"{"type":"Feature","properties":{"code":"\#(code)"},"geometry":\#(box)}"#
    }

    static func collection(_ features: [String]) -> Data {
        Data((#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}").utf8)
    }

    static let header = "代码,名称,上级代码,网格类型,别名"

    func testAreasWithBoundariesImportWithHistoryAndReimportChangesNothing() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let importer = AreaImport(platform: platform)
            let box = SampleAreas.rectangle
            let v = SampleAreas.village
            let halfTable = [Self.header, "\(SampleAreas.grid),康乐社区一网格,\(v),,", "\(v)002,康乐社区第2网格,\(v),综合网格,"]
                .joined(separator: "\n")
            let half = Self.collection([
                Self.feature(SampleAreas.grid, box(40.60, 109.80, 40.61, 109.81)),
                Self.feature("\(v)002", box(40.60, 109.81, 40.61, 109.82)),
            ])
            // The grids cover half the village: refused, with the gap's area.
            let gap = try await importer.run(table: Data(halfTable.utf8), filename: "grids.csv", boundaries: half, caller: Self.admin)
            XCTAssertFalse(gap.applied)
            XCTAssertEqual(gap.problems.map(\.code), ["gap_in_parent"])
            XCTAssertTrue(gap.problems[0].message.contains("平方米"), gap.problems[0].message)

            let fullTable = halfTable + "\n\(v)003,康乐社区第3网格,\(v),,\n\(v)004,康乐社区学校网格,\(v),学校网格,康乐小学"
            let full = Self.collection([
                Self.feature(SampleAreas.grid, box(40.60, 109.80, 40.61, 109.81)),
                Self.feature("\(v)002", box(40.60, 109.81, 40.61, 109.82)),
                Self.feature("\(v)003", box(40.61, 109.80, 40.62, 109.82)),
                Self.feature("\(v)004", box(40.612, 109.802, 40.615, 109.805)),
            ])
            let applied = try await importer.run(table: Data(fullTable.utf8), filename: "grids.csv", boundaries: full, caller: Self.admin)
            XCTAssertTrue(applied.applied, "\(applied.problems)")
            XCTAssertEqual([applied.created, applied.updated, applied.unchanged], [3, 1, 0])
            let atlas = try await platform.areaAtlas()
            XCTAssertEqual(atlas.node(SampleAreas.grid)?.name, "康乐社区一网格")
            XCTAssertEqual(atlas.locate(Coordinate(latitude: 40.613, longitude: 109.803))?.leaf.code, "\(v)004",
                           "the school grid lies over grid 3 and wins")
            let again = try await importer.run(table: Data(fullTable.utf8), filename: "grids.csv", boundaries: full, caller: Self.admin)
            XCTAssertEqual([again.created, again.updated, again.unchanged], [0, 0, 4])
            let history = try await db.read { try await AreaRepository($0).changes(involving: SampleAreas.grid) }
            XCTAssertEqual(history.map(\.change), ["renamed"])
        }
    }

    func testEveryBadRowIsReportedAndNothingIsSaved() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let importer = AreaImport(platform: try TestPlatform.make(database: db))
            let v = SampleAreas.village
            let table = [
                Self.header,
                "12345,坏代码,\(v),,",
                "150207001002001,错上级,\(v),,",
                "\(v)002,,\(v),,",
                "\(v)003,自相交,\(v),,",
                "\(v)005,怪网格,\(v),外星网格,",
            ].joined(separator: "\n")
            let bowtie = #"{"type":"Polygon","coordinates":[[[109.81,40.61],[109.82,40.62],[109.82,40.61],[109.81,40.62],[109.81,40.61]]]}"#
            let report = try await importer.run(
                table: Data(table.utf8), filename: "bad.csv", boundaries: Self.collection([Self.feature("\(v)003", bowtie)]),
                caller: Self.admin)
            XCTAssertFalse(report.applied)
            XCTAssertEqual(report.problems.map { "\($0.row ?? 0):\($0.code)" },
                           ["2:invalid_format", "3:unknown_parent", "4:required", "5:self_intersection", "6:invalid_choice"])
            let areas = try await db.read { try await AreaRepository($0).allActive() }
            XCTAssertEqual(areas.count, 5)
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await importer.run(table: Data(table.utf8), filename: "bad.csv", boundaries: Data("not json".utf8),
                                           caller: Self.admin)
            }
            await XCTAssertThrowsDomainError(code: "forbidden") {
                let leader = Caller(staff: Staff(accountID: 2, username: "l", displayName: "l", role: .leader,
                                                 jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.city)!)), ip: "t")
                _ = try await importer.run(table: Data(table.utf8), filename: "bad.csv", boundaries: nil, caller: leader)
            }
        }
    }
}
