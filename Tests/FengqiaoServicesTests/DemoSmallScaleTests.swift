import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// `small` has the issue's numbers (one city, 3 counties, ~25 townships, ~180 villages, ~1,500 grids,
/// ≈5,000 cases) and covers every kind, category, channel, state and special grid kind.
final class DemoSmallScaleTests: XCTestCase {
    func testSmallMatchesTheIssueAndCoversEveryValue() async throws {
        try await DemoFixture.withDemoDatabase(seed: 1, scale: .small) { db, summary in
            XCTAssertEqual(summary.areasByLevel[.city], 1)
            XCTAssertEqual(summary.areasByLevel[.county], 3)
            XCTAssertEqual(Double(summary.areasByLevel[.township] ?? 0), 25, accuracy: 3)
            XCTAssertEqual(Double(summary.areasByLevel[.village] ?? 0), 180, accuracy: 20)
            XCTAssertEqual(Double(summary.areasByLevel[.grid] ?? 0), 1_500, accuracy: 150)
            XCTAssertNil(summary.areasByLevel[.microGrid])
            XCTAssertEqual(Double(summary.cases), 5_000, accuracy: 500)
            XCTAssertEqual(Double(summary.people), 10_000, accuracy: 1_000)
            let counted = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM cases")
            XCTAssertEqual(counted, summary.cases)

            func values(_ column: String, _ table: String = "cases") async throws -> Set<String> {
                Set(try await DemoRows.query(db, "SELECT DISTINCT \(column) AS v FROM \(table)").compactMap { $0["v"] })
            }
            let v0 = try await values("kind")
            XCTAssertEqual(v0, Set(CaseKind.allCases.map(\.rawValue)))
            let v1 = try await values("category")
            XCTAssertEqual(v1, Set(CaseKind.allCases.flatMap(\.defaultCategories)))
            let v2 = try await values("channel")
            // Every channel but Open311: the demo has no Open311 clients (their cases come from the API).
            XCTAssertEqual(v2, Set(Channel.allCases.filter { $0 != .open311 }.map(\.rawValue)))
            let v3 = try await values("state")
            XCTAssertEqual(v3, Set(CaseState.allCases.map(\.rawValue)))
            let v4 = try await values("urgency")
            XCTAssertEqual(v4, Set(Urgency.allCases.map(\.rawValue)))
            let v5 = try await values("grid_kind", "areas")
            XCTAssertEqual(v5, Set(GridKind.allCases.map(\.rawValue) + ["∅"]))
            let v6 = try await values("stationing", "departments")
            XCTAssertEqual(v6, Set(Stationing.allCases.map(\.rawValue)))

            // Old cases are mostly finished, recent ones mostly open.
            let day: Int64 = 86_400_000
            let now = DemoFixture.now.millisecondsSince1970
            let open = "('reported','accepted','dispatched','inProgress','handled','verified')"
            let oldOpen = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM cases WHERE reported_at < \(now - 90 * day) AND state IN \(open)")
            let old = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM cases WHERE reported_at < \(now - 90 * day)")
            let recentOpen = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM cases WHERE reported_at >= \(now - 3 * day) AND state IN \(open)")
            let recent = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM cases WHERE reported_at >= \(now - 3 * day)")
            XCTAssertLessThan(Double(oldOpen), Double(old) * 0.1)
            XCTAssertGreaterThan(Double(recentOpen), Double(recent) * 0.5)

            // Clocks as the engine and the clock scan keep them: a backlog of overdue cases, some turning
            // yellow, most open cases on time and most stages finished in time.
            func clocks(_ status: String) async throws -> Int {
                try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM cases WHERE clock_status = '\(status)'")
            }
            let (overdue, warning, running) = (try await clocks("overdue"), try await clocks("warning"), try await clocks("running"))
            XCTAssertGreaterThan(overdue, 0)
            XCTAssertGreaterThan(warning, 0)
            XCTAssertLessThan(Double(overdue), Double(overdue + warning + running) * 0.4, "not mostly overdue")
            let met = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM case_clocks WHERE status = 'met'")
            let missed = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM case_clocks WHERE status = 'missed'")
            XCTAssertGreaterThan(met, missed * 5)
            // 吹哨 summons departments, and every closed or archived case has the tier it was resolved at.
            let summoned = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM case_assignments WHERE role = 'summoned'")
            XCTAssertGreaterThan(summoned, 0)
            let unresolved = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM cases WHERE state IN ('closed', 'archived') AND resolved_tier IS NULL")
            XCTAssertEqual(unresolved, 0)

            // Group wage cases with money, respondents, applicants and encrypted phones all occur.
            let groups = try await DemoRows.count(
                db,
                """
                SELECT COUNT(*) AS n FROM cases WHERE category = '拖欠农民工工资' AND people_involved BETWEEN 10 AND 80
                AND amount_involved > 0 AND respondent_organization_id IS NOT NULL
                """)
            XCTAssertGreaterThan(groups, 0)
            let normal = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM cases WHERE urgency = 'normal'")
            XCTAssertGreaterThan(Double(normal), Double(summary.cases) * 0.75)
            let withPhone = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM cases WHERE contact_phone_cipher IS NOT NULL")
            XCTAssertGreaterThan(Double(withPhone), Double(summary.cases) * 0.5)
            let withApplicant = try await DemoRows.count(
                db, "SELECT COUNT(*) AS n FROM cases WHERE applicant_person_id IS NOT NULL")
            XCTAssertGreaterThan(withApplicant, summary.cases / 5)
        }
    }
}
