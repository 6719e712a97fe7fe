import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// The demo's bulk case load leaves the cases' search index complete and its triggers in place.
final class DemoCaseSearchTests: XCTestCase {
    func testTheSearchIndexHoldsEveryDemoCaseAndKeepsUpAfterwards() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            XCTAssertGreaterThan(summary.cases, 100)
            // Every case whose text holds a common trigram is in the index: MATCH counts what LIKE counts.
            for trigram in ["请求调", "居民反", "号楼1"] {
                let indexed = try await DemoRows.count(db, """
                    SELECT COUNT(*) AS n FROM cases_search WHERE cases_search MATCH '"\(trigram)"'
                    """)
                let scanned = try await DemoRows.count(db, """
                    SELECT COUNT(*) AS n FROM cases WHERE description LIKE '%\(trigram)%' OR address LIKE '%\(trigram)%'
                    """)
                if trigram == "请求调" { XCTAssertGreaterThan(scanned, 0, trigram) }
                XCTAssertEqual(indexed, scanned, trigram)
            }
            let triggers = try await DemoRows.count(db, """
                SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cases_search_%'
                """)
            XCTAssertEqual(triggers, 3, "the per-row upkeep is back after the load")

            // Through the service, as a county dispatcher: a demo case by its number and by a piece of its text.
            let platform = try TestPlatform.make(database: db)
            let rows = try await DemoRows.query(db, "SELECT number, description, area_code FROM cases ORDER BY id DESC LIMIT 1")
            let row = try XCTUnwrap(rows.first)
            let (number, description) = (try XCTUnwrap(row["number"]), try XCTUnwrap(row["description"]))
            let county = try XCTUnwrap(AreaCode(String(try XCTUnwrap(row["area_code"]).prefix(6)) + "000000"))
            let caller = Caller(staff: Staff(accountID: 1, username: "d", displayName: "调度", role: .dispatcher,
                                             jurisdiction: Jurisdiction(root: county)), ip: "t")
            let byNumber = try await CaseSearch(platform: platform).search(try SearchTerm(number), caller: caller)
            XCTAssertEqual(byNumber.first?.number, number)
            XCTAssertEqual(byNumber.first?.matched, "number")
            let piece = String(description.prefix(8))
            let byText = try await CaseSearch(platform: platform).search(try SearchTerm(piece), caller: caller)
            XCTAssertTrue(byText.contains { $0.number == number }, "\(piece)")
        }
    }
}
