import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// The demo's field work (DemoFieldWorkWriter): every active grid worker patrols on working days of the last three
/// full months and the current one, on their own grid, and visits its households; the same seed writes the same
/// rows; and scoring the last ended month spreads 巡查覆盖率 so that only a few workers are called in.
final class DemoFieldWorkTests: XCTestCase {
    /// The span written for the fixture's reference time (2026-11-23 10:00 China time).
    static let first = "2026-08-01", today = "2026-11-23"

    func testGridWorkersPatrolOnWorkingDaysInTheirOwnGridAndVisitItsHouseholds() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let calendar = try await platform.businessCalendar()
            let nowMs = DemoFixture.now.millisecondsSince1970
            let workers = try await DemoRows.query(db, "SELECT id, area_code FROM accounts WHERE role = 'gridWorker' AND status = 'active'")
            XCTAssertFalse(workers.isEmpty)
            let gridOf = Dictionary(workers.map { ($0["id"] ?? "", $0["area_code"] ?? "") }, uniquingKeysWith: { a, _ in a })

            let patrols = try await DemoRows.query(db, "SELECT id, account_id, client_ref, grid_code, started_at, ended_at, checklist, point_count FROM patrols")
            XCTAssertGreaterThan(patrols.count, workers.count * 20, "most working days have a patrol")
            var patrolled: Set<String> = []
            for patrol in patrols {
                let account = patrol["account_id"] ?? ""
                patrolled.insert(account)
                XCTAssertEqual(patrol["grid_code"], gridOf[account], "patrol \(patrol["id"] ?? "") on the worker's own grid")
                let start = Int64(patrol["started_at"] ?? "") ?? 0, end = Int64(patrol["ended_at"] ?? "") ?? 0
                let day = CivilDate(containing: Date(millisecondsSince1970: start))
                XCTAssertTrue(calendar.isWorkingDay(day), "\(day) is a working day")
                XCTAssertTrue((Self.first...Self.today).contains(day.description), "\(day) inside the span")
                XCTAssertTrue((40 * 60_000...120 * 60_000).contains(end - start))
                XCTAssertLessThanOrEqual(end, nowMs, "ended by the reference time")
                XCTAssertEqual(patrol["client_ref"], "demo-" + day.description.replacingOccurrences(of: "-", with: ""))
                let checklist = try JSONDecoder().decode([PatrolChecklist.Checked].self, from: Data((patrol["checklist"] ?? "").utf8))
                XCTAssertEqual(checklist.map(\.code), PatrolChecklist.standard.map(\.code), "the app's checklist, every item")
            }
            XCTAssertEqual(patrolled, Set(gridOf.keys), "every active grid worker patrols")
            let duplicates = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM (SELECT account_id, client_ref FROM patrols GROUP BY account_id, client_ref HAVING COUNT(*) > 1) d")
            XCTAssertEqual(duplicates, 0, "client_ref unique per account")
            // Track points lie inside the patrol's grid, and each patrol counts its own.
            let outside = try await DemoRows.count(db, """
                SELECT COUNT(*) AS n FROM patrol_points pp JOIN patrols p ON p.id = pp.patrol_id JOIN areas a ON a.code = p.grid_code
                WHERE pp.latitude <= a.min_lat OR pp.latitude >= a.max_lat OR pp.longitude <= a.min_lon OR pp.longitude >= a.max_lon
                   OR pp.recorded_at < p.started_at OR pp.recorded_at > p.ended_at
                """)
            XCTAssertEqual(outside, 0)
            let miscounted = try await DemoRows.count(db, """
                SELECT COUNT(*) AS n FROM patrols p WHERE p.point_count <> (SELECT COUNT(*) FROM patrol_points pp WHERE pp.patrol_id = p.id)
                """)
            XCTAssertEqual(miscounted, 0)

            let visits = try await DemoRows.query(db, """
                SELECT v.account_id, v.grid_code, v.subject_kind, v.visited_on, v.person_id, p.grid_code AS person_grid
                FROM visits v LEFT JOIN people p ON p.id = v.person_id
                """)
            XCTAssertGreaterThan(visits.count, workers.count * 10, "2–4 visits a patrol day")
            for visit in visits {
                XCTAssertEqual(visit["grid_code"], gridOf[visit["account_id"] ?? ""], "a visit on the worker's own grid")
                XCTAssertTrue((Self.first...Self.today).contains(visit["visited_on"] ?? ""))
                XCTAssertTrue(calendar.isWorkingDay(try XCTUnwrap(CivilDate(visit["visited_on"] ?? ""))))
                XCTAssertNotNil(VisitSubjectKind(rawValue: visit["subject_kind"] ?? ""))
                if visit["person_id"] != "∅" { XCTAssertEqual(visit["person_grid"], visit["grid_code"], "a person of that grid") }
            }
            XCTAssertTrue(visits.contains { $0["subject_kind"] == "household" && $0["person_id"] != "∅" })
        }
    }

    func testTheSameSeedWritesTheSameFieldWork() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let tables = [("patrols", "id"), ("patrol_points", "patrol_id, recorded_at"), ("visits", "id")]
            var dumps: [[String]] = []
            for (table, order) in tables { dumps.append(try await DemoRows.dump(db, table, orderBy: order)) }
            try await TestDatabases.withSQLite { again in
                try await DemoFixture.load(into: again, scale: .tiny)
                for (index, (table, order)) in tables.enumerated() {
                    let dump = try await DemoRows.dump(again, table, orderBy: order)
                    XCTAssertFalse(dump.isEmpty, table)
                    XCTAssertEqual(dump, dumps[index], table)
                }
                let other = try await TestDatabases.withSQLite { third in
                    try await DemoFixture.load(into: third, seed: 8, scale: .tiny)
                    return try await DemoRows.dump(third, "patrols", orderBy: "id")
                }
                XCTAssertNotEqual(other, dumps[0], "another seed, other patrols")
            }
        }
    }

    func testScoringTheLastEndedMonthSpreadsPatrolCoverage() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let county = try XCTUnwrap(AreaCode("150207000000"))
            let assessor = Caller(staff: Staff(accountID: 1, username: "a", displayName: "考核员", role: .assessor,
                                               jurisdiction: Jurisdiction(root: county)), ip: "test")
            let ranking = try await Assessments(platform: platform).compute(periodKey: "2026-10", kind: "grid_worker", caller: assessor)
            let coverage = ranking.standings.compactMap { standing in
                standing.score.indicators.first { $0.rule.indicator == .patrolCoverage }.flatMap { value -> Double? in
                    guard let d = value.value.denominator, d > 0 else { return nil }
                    return Double(value.value.numerator) / Double(d)
                }
            }
            XCTAssertGreaterThan(ranking.standings.count, 10)
            XCTAssertEqual(coverage.count, ranking.standings.count, "every worker has a coverage rate")
            XCTAssertGreaterThan(Set(coverage).count, 3, "coverage differs between workers")
            XCTAssertGreaterThan(Double(coverage.filter { $0 > 0.6 }.count), 0.75 * Double(coverage.count), "most above 60%")
            XCTAssertTrue(ranking.standings.allSatisfy { $0.score.indicators.contains { $0.rule.indicator == .householdVisits && $0.value.numerator > 0 } },
                          "every worker visited someone")
            let laggards = ranking.standings.filter(\.laggard).count
            XCTAssertGreaterThan(laggards, 0)
            XCTAssertLessThan(Double(laggards), 0.2 * Double(ranking.standings.count), "only a few are called in")
        }
    }
}
