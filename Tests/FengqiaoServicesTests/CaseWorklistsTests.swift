import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The case worklists on SQLite and PostgreSQL: each list's members, jurisdiction, keyset paging and
/// counts, and every rejection.
final class CaseWorklistsTests: XCTestCase {
    static let outsideVillage = "150207002001"
    static let outsideGrid = "150207002001001"

    static func caller(_ id: Int64, _ role: Role, _ area: String, department: Int64? = nil) throws -> Caller {
        Caller(staff: Staff(accountID: id, username: "u\(id)", displayName: "u\(id)", role: role,
                            jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(area))), departmentID: department),
               ip: "test")
    }

    /// Every row of `list`, page by page with `limit`.
    static func everything(
        _ worklists: CaseWorklists, _ list: CaseWorklist, filter: CaseWorklistFilter = CaseWorklistFilter(),
        limit: Int = 100, caller: Caller
    ) async throws -> [String] {
        var numbers: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await worklists.page(list, filter: filter, cursor: cursor, limit: limit, caller: caller)
            XCTAssertLessThanOrEqual(page.cases.count, limit)
            numbers += page.cases.map(\.number)
            cursor = page.next
            pages += 1
        } while cursor != nil && pages < 100
        return numbers
    }

    static func set(_ number: String, _ assignments: String, in db: any Database) async throws {
        try await db.write { sql in try await sql.raw("UPDATE cases SET \(unsafeRaw: assignments) WHERE number = \(bind: number)").run() }
    }

    /// A case written straight to the store (no events), at `updatedAt`.
    static func insert(
        _ number: String, state: String, area: String, grid: String?, updatedAt: Int64, in db: any Database
    ) async throws {
        try await db.write { sql in
            _ = try await CaseRepository(sql).insert(
                CaseRecord(number: number, trackingCode: "T" + number, kind: "dispute", category: "neighbour",
                           channel: "phone", state: state, urgency: "normal", areaCode: area, gridCode: grid,
                           description: "直接写入的案件", reportedDay: "2026-03-02", reportedAt: updatedAt, updatedAt: updatedAt),
                events: [])
        }
    }

    func testEachListHoldsItsCasesInsideTheJurisdictionAndCountsMatch() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let department = try await CenterAdministration(platform: platform).addDepartment(
                areaCode: SampleAreas.township, code: "police", name: "派出所", stationing: .resident,
                caller: try Self.caller(9, .leader, SampleAreas.county))
            let engine = CaseEngine(platform: platform)
            let desk = try Self.caller(1, .dispatcher, SampleAreas.township)
            let handler = try Self.caller(2, .departmentHandler, SampleAreas.township, department: department)
            let gridWorker = try Self.caller(3, .gridWorker, SampleAreas.grid)
            let otherDesk = try Self.caller(4, .dispatcher, SampleAreas.township)
            func open(_ text: String, by caller: Caller) async throws -> String {
                clock.advance(minutes: 1)
                return try await engine.open(CaseOpening(channel: "phone", kind: "dispute", description: text,
                                                         gridCode: SampleAreas.grid), caller: caller).number
            }
            // a: accepted and dispatched by the desk to the department (live assignment), then overdue.
            let a = try await open("楼道堆物影响通行", by: desk)
            _ = try await engine.perform(CaseCommandRequest(name: .accept), caseNumber: a, caller: desk)
            var body = CaseCommandBody()
            body.lead = department
            _ = try await engine.perform(CaseCommandRequest(name: .dispatch, body: body), caseNumber: a, caller: desk)
            // b: reported by another desk, waiting for verification.
            let b = try await open("夜间噪音扰民严重", by: otherDesk)
            // c: closed, waiting for the revisit.
            let c = try await open("邻里纠纷需要调解", by: otherDesk)
            // d: reported by the desk and left there.
            let d = try await open("占道经营堵塞路口", by: desk)
            try await Self.set(a, "clock_status = 'overdue', due_at = 5000", in: db)
            try await Self.set(b, "state = 'handled'", in: db)
            try await Self.set(c, "state = 'closed'", in: db)
            // Outside the township: in every list's terms, yet never shown.
            try await Self.insert("OUT-1", state: "handled", area: Self.outsideVillage, grid: Self.outsideGrid,
                                  updatedAt: 9_000_000_000_000, in: db)
            try await Self.insert("OUT-2", state: "closed", area: Self.outsideVillage, grid: Self.outsideGrid,
                                  updatedAt: 9_000_000_000_000, in: db)
            try await Self.set("OUT-1", "clock_status = 'overdue', due_at = 1", in: db)
            try await db.write { sql in
                let id = try await CaseRepository(sql).find(number: "OUT-1")?.id ?? -1
                try await sql.raw("""
                    INSERT INTO case_assignments (case_id, department_id, role, state, dispatched_at)
                    VALUES (\(bind: id), \(bind: department), 'lead', 'dispatched', 0)
                    """).run()
                try await sql.raw("""
                    INSERT INTO case_events (case_id, type, from_state, to_state, actor, payload, at)
                    VALUES (\(bind: id), 'reported', NULL, 'handled', 'account:1', '{}', 0)
                    """).run()
            }

            let worklists = CaseWorklists(platform: platform)
            func list(_ list: CaseWorklist, _ caller: Caller) async throws -> [String] {
                try await Self.everything(worklists, list, caller: caller)
            }
            let deskMine = try await list(.mine, desk)
            XCTAssertEqual(deskMine, [d, a], "open cases whose last event is the desk's, newest first")
            let otherMine = try await list(.mine, otherDesk)
            XCTAssertEqual(otherMine, [b], "the closed case is not open")
            let handlerMine = try await list(.mine, handler)
            XCTAssertEqual(handlerMine, [a], "the department's live assignment")
            let gridMine = try await list(.mine, gridWorker)
            XCTAssertEqual(Set(gridMine), Set([a, b, d]), "every open case in the grid")
            let department_ = try await list(.department, handler)
            XCTAssertEqual(department_, [a])
            let overdue = try await list(.overdue, desk)
            XCTAssertEqual(overdue, [a])
            let verification = try await list(.verification, desk)
            XCTAssertEqual(verification, [b])
            let revisit = try await list(.revisit, desk)
            XCTAssertEqual(revisit, [c])
            let all = try await list(.all, desk)
            XCTAssertEqual(all, [d, c, b, a])
            let handlerAll = try await list(.all, handler)
            XCTAssertEqual(handlerAll, [a], "department staff see only their department's cases")
            let gridVerification = try await list(.verification, gridWorker)
            XCTAssertEqual(gridVerification, [b])
            // A county dispatcher sees the outside case too (the scope, not the data, hides it).
            let countyDesk = try Self.caller(5, .dispatcher, SampleAreas.county)
            let countyVerification = try await list(.verification, countyDesk)
            XCTAssertEqual(countyVerification, ["OUT-1", b])
            let countyOverdue = try await list(.overdue, countyDesk)
            XCTAssertEqual(countyOverdue, ["OUT-1", a], "soonest deadline first")
            // A grid worker of another grid sees none of them.
            let stranger = try Self.caller(6, .gridWorker, Self.outsideGrid)
            let strangerAll = try await list(.all, stranger)
            XCTAssertEqual(strangerAll, ["OUT-2", "OUT-1"])

            for caller in [desk, handler, gridWorker, otherDesk, countyDesk] {
                let counts = try await worklists.counts(caller: caller)
                let mine = try await list(.mine, caller)
                let overdue = try await list(.overdue, caller)
                let verification = try await list(.verification, caller)
                let revisit = try await list(.revisit, caller)
                let all = try await list(.all, caller)
                XCTAssertEqual(counts.mine, mine.count)
                XCTAssertEqual(counts.overdue, overdue.count)
                XCTAssertEqual(counts.verification, verification.count)
                XCTAssertEqual(counts.revisit, revisit.count)
                XCTAssertEqual(counts.all, all.count)
                if caller.staff.departmentID == nil {
                    XCTAssertNil(counts.department)
                } else {
                    let department = try await list(.department, caller)
                    XCTAssertEqual(counts.department, department.count)
                }
            }

            // Filters narrow a list.
            let reported = try await Self.everything(worklists, .all, filter: CaseWorklistFilter(state: "reported"), caller: desk)
            XCTAssertEqual(reported, [d])
            let none = try await Self.everything(worklists, .verification, filter: CaseWorklistFilter(state: "reported"), caller: desk)
            XCTAssertEqual(none, [])
            let byChannel = try await Self.everything(worklists, .all, filter: CaseWorklistFilter(channel: "qrCode"), caller: desk)
            XCTAssertEqual(byChannel, [])
            let byDay = try await Self.everything(
                worklists, .all, filter: CaseWorklistFilter(reportedFrom: "2020-01-01", reportedTo: "2099-12-31"), caller: desk)
            XCTAssertEqual(byDay.count, 4)
            let future = try await Self.everything(worklists, .all, filter: CaseWorklistFilter(reportedFrom: "2099-01-01"), caller: desk)
            XCTAssertEqual(future, [])
        }
    }

    /// A department summoned by 吹哨 without an assignment has the case in its department list (and in
    /// "mine", and their counts) until the case ends; a department not summoned never sees it.
    func testASummonedDepartmentSeesTheCaseUntilItEnds() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let leader = try Self.caller(9, .leader, SampleAreas.county)
            let centers = CenterAdministration(platform: platform)
            let summoned = try await centers.addDepartment(
                areaCode: SampleAreas.township, code: "court", name: "人民法庭", stationing: .resident, caller: leader)
            let unrelated = try await centers.addDepartment(
                areaCode: SampleAreas.township, code: "judicial", name: "司法所", stationing: .resident, caller: leader)
            let engine = CaseEngine(platform: platform)
            let worklists = CaseWorklists(platform: platform)
            let desk = try Self.caller(1, .dispatcher, SampleAreas.township)
            let gridWorker = try Self.caller(3, .gridWorker, SampleAreas.grid)
            let court = try Self.caller(4, .departmentHandler, SampleAreas.township, department: summoned)
            let judicial = try Self.caller(5, .departmentHandler, SampleAreas.township, department: unrelated)
            let n = try await engine.open(CaseOpening(channel: "phone", kind: "dispute", description: "宅基地边界纠纷",
                                                      gridCode: SampleAreas.grid), caller: desk).number
            _ = try await engine.perform(CaseCommandRequest(name: .accept), caseNumber: n, caller: desk)
            func lists(_ caller: Caller) async throws -> (department: [String], mine: [String], all: [String], counts: CaseWorklistCounts) {
                (try await Self.everything(worklists, .department, caller: caller),
                 try await Self.everything(worklists, .mine, caller: caller),
                 try await Self.everything(worklists, .all, caller: caller),
                 try await worklists.counts(caller: caller))
            }
            let before = try await lists(court)
            XCTAssertEqual(before.department, [], "not summoned yet")

            var body = CaseCommandBody()
            body.departments = [summoned]
            _ = try await engine.perform(CaseCommandRequest(name: .whistle, body: body), caseNumber: n, caller: desk)
            let called = try await lists(court)
            XCTAssertEqual(called.department, [n], "the summoned department sees the case")
            XCTAssertEqual(called.mine, [n], "and has it to do")
            XCTAssertEqual(called.all, [n])
            XCTAssertEqual(called.counts.department, 1)
            XCTAssertEqual(called.counts.mine, 1)
            let stranger = try await lists(judicial)
            XCTAssertEqual(stranger.department, [], "a department not summoned does not see it")
            XCTAssertEqual(stranger.all, [])
            XCTAssertEqual(stranger.counts.department, 0)
            let rows = try await db.read { sql in
                try await CaseEngineRepository(sql).assignments(caseId: try await CaseRepository(sql).find(number: n)?.id ?? -1)
            }
            XCTAssertEqual(rows.map { "\($0.departmentId):\($0.role):\($0.state)" }, ["\(summoned):summoned:summoned"])
            XCTAssertNotNil(rows.first?.dueAt, "the check-in deadline")

            clock.advance(minutes: 5)
            body = CaseCommandBody()
            body.department = summoned
            _ = try await engine.perform(CaseCommandRequest(name: .checkIn, body: body), caseNumber: n, caller: court)
            let checkedIn = try await lists(court)
            XCTAssertEqual(checkedIn.department, [n], "still the department's case after its check-in")
            XCTAssertEqual(checkedIn.counts.department, 1)
            let afterCheckIn = try await db.read { sql in
                try await CaseEngineRepository(sql).assignments(caseId: try await CaseRepository(sql).find(number: n)?.id ?? -1)
            }
            XCTAssertEqual(afterCheckIn.map(\.state), ["checkedIn"])
            XCTAssertNotNil(afterCheckIn.first?.signedAt)

            var resolve = CaseCommandBody()
            resolve.result = "双方和解"
            resolve.evidence = ["photo-1"]
            _ = try await engine.perform(CaseCommandRequest(name: .resolveOnSite, body: resolve), caseNumber: n, caller: gridWorker)
            var verify = CaseCommandBody()
            verify.pass = true
            _ = try await engine.perform(CaseCommandRequest(name: .verify, body: verify), caseNumber: n, caller: desk)
            let verified = try await lists(court)
            XCTAssertEqual(verified.department, [n], "open until it ends")
            var close = CaseCommandBody()
            close.reply = "已调解"
            close.channel = "phone"
            _ = try await engine.perform(CaseCommandRequest(name: .close, body: close), caseNumber: n, caller: desk)
            let closed = try await lists(court)
            XCTAssertEqual(closed.department, [], "a closed case leaves the open list")
            XCTAssertEqual(closed.mine, [])
            XCTAssertEqual(closed.counts.department, 0)
            XCTAssertEqual(closed.all, [n], "it stays among the department's cases")
        }
    }

    func testKeysetPagingHasNoDuplicatesOrGaps() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db, clock: ManualClock())
            // Ties on the sort key: ids break them.
            for i in 0..<23 {
                try await Self.insert("P-\(i)", state: i % 3 == 0 ? "handled" : "reported", area: SampleAreas.village,
                                      grid: SampleAreas.grid, updatedAt: Int64(1_000 + i / 4), in: db)
                try await Self.set("P-\(i)", "clock_status = 'overdue', due_at = \(10_000 - i / 5)", in: db)
            }
            let worklists = CaseWorklists(platform: platform)
            let desk = try Self.caller(1, .dispatcher, SampleAreas.township)
            for list in [CaseWorklist.all, .overdue, .verification] {
                let whole = try await Self.everything(worklists, list, limit: 100, caller: desk)
                for limit in [1, 2, 5, 7] {
                    let paged = try await Self.everything(worklists, list, limit: limit, caller: desk)
                    XCTAssertEqual(paged, whole, "\(list) in pages of \(limit)")
                }
                XCTAssertEqual(Set(whole).count, whole.count)
            }
            let all = try await Self.everything(worklists, .all, caller: desk)
            XCTAssertEqual(all.count, 23)
            let exact = try await worklists.page(.all, limit: 23, caller: desk)
            XCTAssertNotNil(exact.next, "a full page may have more")
            let after = try await worklists.page(.all, cursor: exact.next, limit: 23, caller: desk)
            XCTAssertEqual(after.cases, [])
            XCTAssertNil(after.next)
        }
    }

    func testRejections() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db, clock: ManualClock())
            let worklists = CaseWorklists(platform: platform)
            let desk = try Self.caller(1, .dispatcher, SampleAreas.township)
            func fields(_ work: () async throws -> Void) async -> [String] {
                do {
                    try await work()
                    return ["no error"]
                } catch DomainError.validation(let errors) {
                    return errors.map { "\($0.field):\($0.code)" }
                } catch {
                    return ["\(error)"]
                }
            }
            let zero = await fields { _ = try await worklists.page(.all, limit: 0, caller: desk) }
            XCTAssertEqual(zero, ["limit:out_of_range"])
            let big = await fields { _ = try await worklists.page(.all, limit: 101, caller: desk) }
            XCTAssertEqual(big, ["limit:out_of_range"])
            for cursor in ["x", "1", "1.2.3", "a.1", "5.0", "-1.3"] {
                let bad = await fields { _ = try await worklists.page(.all, cursor: cursor, caller: desk) }
                XCTAssertEqual(bad, ["cursor:invalid_format"], cursor)
            }
            let filter = CaseWorklistFilter(state: "lost", kind: "x", channel: "y", urgency: "z", reportedFrom: "2026-13-01",
                                            reportedTo: "tomorrow")
            let many = await fields { _ = try await worklists.page(.all, filter: filter, caller: desk) }
            XCTAssertEqual(many, ["state:invalid_choice", "kind:invalid_choice", "channel:invalid_choice",
                                  "urgency:invalid_choice", "reportedFrom:invalid_format", "reportedTo:invalid_format"])
            let backwards = await fields {
                _ = try await worklists.page(.all, filter: CaseWorklistFilter(reportedFrom: "2026-03-02", reportedTo: "2026-03-01"),
                                             caller: desk)
            }
            XCTAssertEqual(backwards, ["reportedTo:out_of_range"])
            XCTAssertThrowsError(try CaseWorklist.named("everything")) { error in
                XCTAssertEqual((error as? DomainError)?.code, "validation_failed")
            }
            XCTAssertEqual(try CaseWorklist.named(nil), .all)
            do {
                _ = try await worklists.page(.department, caller: desk)
                XCTFail("the department list is for department staff")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "forbidden")
            }
            let auditor = try Self.caller(7, .auditor, SampleAreas.township)
            for work in [{ _ = try await worklists.page(.all, caller: auditor) }, { _ = try await worklists.counts(caller: auditor) }] {
                do {
                    try await work()
                    XCTFail("the auditor does not see cases")
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, "forbidden")
                }
            }
        }
    }
}
