import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// The case engine on SQLite and PostgreSQL: the projection, counters, assignments, receipts and the
/// optimistic version check.
final class CaseEngineTests: XCTestCase {
    func testADispatchLoopMovesRowCountersAndAssignments() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db, clock: ManualClock())
            let county = try XCTUnwrap(AreaCode(SampleAreas.county))
            let township = try XCTUnwrap(AreaCode(SampleAreas.township))
            func caller(_ role: Role, _ area: AreaCode, department: Int64? = nil) -> Caller {
                Caller(staff: Staff(accountID: 1, username: "u", displayName: "u", role: role, jurisdiction: Jurisdiction(root: area),
                                    departmentID: department), ip: "test")
            }
            let department = try await CenterAdministration(platform: platform).addDepartment(
                areaCode: SampleAreas.township, code: "police", name: "派出所", stationing: .resident,
                caller: caller(.leader, county))
            let engine = CaseEngine(platform: platform)
            let desk = caller(.dispatcher, township)
            let opened = try await engine.open(CaseOpening(channel: "phone", kind: "dispute", description: "邻居装修噪音扰民",
                                                           gridCode: SampleAreas.grid, peopleInvolved: 6), caller: desk)
            let n = opened.number
            var body = CaseCommandBody()
            _ = try await engine.perform(CaseCommandRequest(name: .accept), caseNumber: n, caller: desk)
            body.lead = department
            let sent = try await engine.perform(CaseCommandRequest(name: .dispatch, body: body), caseNumber: n,
                                                expectedVersion: 2, idempotencyKey: "d-1", caller: desk)
            XCTAssertEqual(sent.state, "dispatched")
            XCTAssertEqual(sent.version, 3)
            let replay = try await engine.perform(CaseCommandRequest(name: .dispatch, body: body), caseNumber: n,
                                                  expectedVersion: 2, idempotencyKey: "d-1", caller: desk)
            XCTAssertEqual(replay, sent)
            do {
                _ = try await engine.perform(CaseCommandRequest(name: .withdraw), caseNumber: n, expectedVersion: 2, caller: desk)
                XCTFail("a stale version is refused")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "version_conflict")
            }
            let handler = caller(.departmentHandler, township, department: department)
            _ = try await engine.perform(CaseCommandRequest(name: .signFor), caseNumber: n, caller: handler)

            let (row, totals, assignments, receipts) = try await db.read { sql in
                let id = try await CaseRepository(sql).find(number: n)?.id ?? -1
                let version = try await CaseEngineRepository(sql).version(caseId: id)
                let due = try await sql.select().column("due_at").column("lead_department_id").column("group_case")
                    .from("cases").where("id", .equal, id).first()
                return ((version, try due?.decode(column: "due_at", as: Int64?.self),
                         try due?.decode(column: "lead_department_id", as: Int64?.self),
                         try due?.decode(column: "group_case", as: Int.self)),
                        try await CaseRepository(sql).totalsByState(),
                        try await CaseEngineRepository(sql).assignments(caseId: id),
                        try await sql.countRows(in: "command_receipts"))
            }
            XCTAssertEqual(row.0, 4)
            XCTAssertNotNil(row.1, "the handling deadline is on the row")
            XCTAssertEqual(row.2, department)
            XCTAssertEqual(row.3, 1, "six people make a group case")
            XCTAssertEqual(totals.filter { $0.value != 0 }, ["inProgress": 1])
            XCTAssertEqual(assignments.map(\.state), ["signed"])
            XCTAssertEqual(assignments.first?.role, "lead")
            XCTAssertEqual(receipts, 1)
        }
    }
}
