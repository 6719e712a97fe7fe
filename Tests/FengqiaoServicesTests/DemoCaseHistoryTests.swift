import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Demo cases carry real histories: every history decodes, replays to the stored row (state, version,
/// tier, lead department, resolved tier, assignments), their clocks are those the engine and the clock
/// scan write, and a dispatched demo case can be worked through the engine.
final class DemoCaseHistoryTests: XCTestCase {
    func testHistoriesReplayToTheStoredRows() async throws {
        // The tiny scale has too few stalled cases to end in every open state.
        try await DemoFixture.withDemoDatabase(scale: .small) { db, summary in
            let cases = try await DemoRows.query(
                db, "SELECT id, state, version, tier, lead_department_id, resolved_tier, resolved_at FROM cases ORDER BY id")
            let assignments = try await DemoRows.query(
                db, "SELECT case_id, department_id, role, state FROM case_assignments ORDER BY case_id, department_id")
            let byCase = Dictionary(grouping: assignments) { $0["case_id"] ?? "" }
            XCTAssertGreaterThan(cases.count, 100)
            let (states, versions) = try await db.read { sql in
                var states: Set<String> = []
                var versions = 0
                let repository = CaseRepository(sql)
                for row in cases {
                    let id = try XCTUnwrap(Int64(row["id"] ?? ""))
                    let events = try CaseEventCodec.events(try await repository.events(caseId: id))
                    let snapshot = try XCTUnwrap(CaseSnapshot.replay(events), "case \(id) does not replay")
                    XCTAssertEqual(snapshot.state.rawValue, row["state"], "case \(id)")
                    XCTAssertEqual(String(snapshot.version), row["version"], "case \(id)")
                    XCTAssertEqual(snapshot.version, events.count)
                    XCTAssertEqual(snapshot.tier.rawValue, row["tier"], "case \(id)")
                    XCTAssertEqual(snapshot.lead.map { String($0.department) } ?? "∅", row["lead_department_id"], "case \(id)")
                    XCTAssertEqual(snapshot.resolution?.tier.rawValue ?? "∅", row["resolved_tier"], "case \(id)")
                    XCTAssertEqual(
                        snapshot.resolution.map { String($0.at.millisecondsSince1970) } ?? "∅", row["resolved_at"], "case \(id)")
                    let parts = (byCase[row["id"] ?? ""] ?? []).map { "\($0["department_id"] ?? ""):\($0["role"] ?? "")" }
                    let summoned = snapshot.whistles.flatMap(\.departments)
                        .filter { d in !snapshot.parts.contains { $0.department == d } }.map { "\($0):summoned" }
                    XCTAssertEqual(
                        parts.sorted(), (snapshot.parts.map { "\($0.department):\($0.role.rawValue)" } + Set(summoned)).sorted(),
                        "case \(id): assignments follow the parts and the summoned departments")
                    states.insert(snapshot.state.rawValue)
                    versions += snapshot.version
                }
                return (states, versions)
            }
            XCTAssertEqual(versions, summary.events, "every event row belongs to a replayed history")
            for state in ["reported", "accepted", "inProgress", "handled", "closed", "archived", "rejected", "withdrawn"] {
                XCTAssertTrue(states.contains(state), "no demo case ends \(state): \(states.sorted())")
            }
        }
    }

    /// The demo writes each case's clocks as the engine would and the clock scan would leave them at the
    /// reference time: syncing every case again with the clock book (`promote`, on the calendar in force)
    /// changes no row of `case_clocks` and no `due_at` or `clock_status`.
    func testDemoClocksAreWhatTheClockBookWrites() async throws {
        try await TestDatabases.each { db in
            let summary = try await DemoFixture.load(into: db, scale: .tiny)
            let clocksBefore = try await DemoRows.dump(db, "case_clocks", orderBy: "id")
            let casesBefore = try await DemoRows.query(db, "SELECT id, due_at, clock_status FROM cases ORDER BY id")
            XCTAssertEqual(casesBefore.count, summary.cases)
            XCTAssertGreaterThan(clocksBefore.count, summary.cases, "every case has at least its acceptance clock")
            let calendar = try await TestPlatform.make(database: db).businessCalendar()
            let queued = try await db.write { sql in
                var queued = 0
                let repository = CaseRepository(sql)
                for row in casesBefore {
                    let id = try XCTUnwrap(Int64(row["id"] ?? ""))
                    let found = try await CaseEngineRepository(sql).find(id: id)
                    let record = try XCTUnwrap(found)
                    let events = try CaseEventCodec.events(try await repository.events(caseId: id))
                    queued += try await CaseClockBook.sync(
                        .init(caseId: id, number: record.number, location: record.gridCode ?? record.areaCode),
                        events: events, now: DemoFixture.now, calendar: calendar, policy: CasePolicy(),
                        promote: true, in: sql)
                }
                return queued
            }
            XCTAssertEqual(queued, 0, "no clock turned yellow or red: the demo wrote them so")
            let clocksAfter = try await DemoRows.dump(db, "case_clocks", orderBy: "id")
            XCTAssertEqual(clocksAfter.count, clocksBefore.count)
            for (before, after) in zip(clocksBefore, clocksAfter) where before != after {
                XCTFail("clock row differs:\n\(before)\n\(after)")
            }
            let casesAfter = try await DemoRows.query(db, "SELECT id, due_at, clock_status FROM cases ORDER BY id")
            for (before, after) in zip(casesBefore, casesAfter) where before != after {
                XCTFail("case clock columns differ: \(before) \(after)")
            }
            let statuses = Set(casesBefore.compactMap { $0["clock_status"] })
            XCTAssertTrue(statuses.isSuperset(of: ["none", "running", "overdue"]), "\(statuses)")
        }
    }

    func testADispatchedDemoCaseIsSignedForByItsDepartmentsHandler() async throws {
        try await TestDatabases.each { db in
            // The tiny scale has too few open cases to leave one dispatched.
            try await DemoFixture.load(into: db, scale: .small)
            let platform = try TestPlatform.make(database: db)
            let engine = CaseEngine(platform: platform)
            let found = try await DemoRows.query(
                db,
                """
                SELECT c.number, c.version, c.lead_department_id, a.id AS account, a.username, a.area_code
                FROM cases c JOIN accounts a ON a.department_id = c.lead_department_id AND a.role = 'departmentHandler'
                WHERE c.state = 'dispatched' ORDER BY c.id, a.id LIMIT 1
                """)
            let row = try XCTUnwrap(found.first, "the demo has a dispatched case with a handler")
            let number = try XCTUnwrap(row["number"])
            let version = try XCTUnwrap(Int(row["version"] ?? ""))
            let department = try XCTUnwrap(Int64(row["lead_department_id"] ?? ""))
            let area = try XCTUnwrap(AreaCode(row["area_code"] ?? ""))
            func caller(_ role: Role, department: Int64?) throws -> Caller {
                Caller(
                    staff: Staff(
                        accountID: try XCTUnwrap(Int64(row["account"] ?? "")), username: row["username"] ?? "",
                        displayName: "办理人", role: role, jurisdiction: Jurisdiction(root: area),
                        departmentID: department),
                    ip: "test")
            }
            let before = try await engine.view(caseNumber: number, caller: try caller(.departmentHandler, department: department))
            XCTAssertTrue(before.workable, "the demo history is not legacy")
            XCTAssertEqual(before.version, version)

            // Another department's handler does not even see the case.
            do {
                _ = try await engine.perform(
                    CaseCommandRequest(name: .signFor), caseNumber: number,
                    caller: try caller(.departmentHandler, department: department + 100_000))
                XCTFail("another department may not sign for the case")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, DomainError.notFound(what: "案件").code)
            }

            let signed = try await engine.perform(
                CaseCommandRequest(name: .signFor), caseNumber: number, expectedVersion: version,
                caller: try caller(.departmentHandler, department: department))
            XCTAssertEqual(signed.state, "inProgress")
            XCTAssertEqual(signed.version, version + 1)
            let stored = try await DemoRows.query(
                db, "SELECT state, version FROM cases WHERE number = '\(number)'")
            XCTAssertEqual(stored.first?["state"], "inProgress")
            XCTAssertEqual(stored.first?["version"], String(version + 1))
        }
    }
}
