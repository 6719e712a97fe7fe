import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Demo cases carry real histories: every history decodes, replays to the stored row (state, version,
/// tier, lead department, assignments), and a dispatched demo case can be worked through the engine.
final class DemoCaseHistoryTests: XCTestCase {
    func testHistoriesReplayToTheStoredRows() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let cases = try await DemoRows.query(
                db, "SELECT id, state, version, tier, lead_department_id, due_at FROM cases ORDER BY id")
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
                    let working = snapshot.state == .dispatched || snapshot.state == .inProgress
                    XCTAssertEqual(working, row["due_at"] != "∅", "case \(id): due only while departments work")
                    let parts = (byCase[row["id"] ?? ""] ?? []).map { "\($0["department_id"] ?? ""):\($0["role"] ?? "")" }
                    XCTAssertEqual(
                        parts, snapshot.parts.sorted { $0.department < $1.department }.map { "\($0.department):\($0.role.rawValue)" },
                        "case \(id): assignments follow the parts")
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
