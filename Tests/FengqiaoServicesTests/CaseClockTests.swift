import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Stage clocks on SQLite and PostgreSQL: the rows the engine keeps, the pause of an extension
/// request, and the scan's yellow and red turns with their (deduplicated) notifications.
final class CaseClockTests: XCTestCase {
    struct Desk {
        let platform: Platform
        let engine: CaseEngine
        let desk: Caller
        let lead: Int64
        let assisting: Int64
        let township: AreaCode

        func caller(_ role: Role, department: Int64? = nil) -> Caller {
            Caller(staff: Staff(accountID: 1, username: "u", displayName: "u", role: role, jurisdiction: Jurisdiction(root: township),
                                departmentID: department), ip: "test")
        }

        func open() async throws -> String {
            try await engine.open(CaseOpening(channel: "phone", kind: "dispute", description: "邻居装修噪音扰民",
                                              gridCode: SampleAreas.grid), caller: desk).number
        }

        func perform(_ name: CaseCommand.Name, _ n: String, body: CaseCommandBody = CaseCommandBody(),
                     as caller: Caller? = nil) async throws {
            _ = try await engine.perform(CaseCommandRequest(name: name, body: body), caseNumber: n, caller: caller ?? desk)
        }
    }

    static func desk(_ db: any Database, clock: ManualClock) async throws -> Desk {
        try await SampleAreas.insert(into: db)
        let platform = try TestPlatform.make(database: db, clock: clock)
        let county = try XCTUnwrap(AreaCode(SampleAreas.county))
        let township = try XCTUnwrap(AreaCode(SampleAreas.township))
        let leader = Caller(staff: Staff(accountID: 1, username: "u", displayName: "u", role: .leader,
                                         jurisdiction: Jurisdiction(root: county)), ip: "test")
        let centre = CenterAdministration(platform: platform)
        let police = try await centre.addDepartment(areaCode: SampleAreas.township, code: "police", name: "派出所",
                                                    stationing: .resident, caller: leader)
        let office = try await centre.addDepartment(areaCode: SampleAreas.township, code: "judicial", name: "司法所",
                                                    stationing: .resident, caller: leader)
        let desk = Caller(staff: Staff(accountID: 1, username: "u", displayName: "u", role: .dispatcher,
                                       jurisdiction: Jurisdiction(root: township)), ip: "test")
        return Desk(platform: platform, engine: CaseEngine(platform: platform), desk: desk, lead: police, assisting: office,
                    township: township)
    }

    static func clocks(_ n: String, _ db: any Database) async throws -> (Int64, [CaseClockRecord], Int64?, String) {
        try await db.read { sql in
            let id = try await CaseRepository(sql).find(number: n)?.id ?? -1
            let row = try await sql.select().column("due_at").column("clock_status").from("cases").where("id", .equal, id).first()
            return (id, try await CaseClockRepository(sql).clocks(caseId: id),
                    try row?.decode(column: "due_at", as: Int64?.self) ?? nil,
                    try row?.decode(column: "clock_status", as: String.self) ?? "")
        }
    }

    let calendar = BusinessCalendar.official

    func testAWalkedCaseGetsItsClocksOnTheOfficialCalendar() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await Self.desk(db, clock: clock)
            let t0 = clock.now()  // Monday 2026-11-23 10:00 in China
            let n = try await d.open()
            var (_, rows, due, status) = try await Self.clocks(n, db)
            XCTAssertEqual(rows.map(\.kind), ["acceptance"])
            XCTAssertEqual(rows.first?.status, "running")
            XCTAssertEqual(rows.first?.limitUnit, "workingHours")
            XCTAssertEqual(rows.first?.limitValue, 4)
            XCTAssertEqual(due, self.calendar.deadline(adding: .workingHours(4), from: t0).millisecondsSince1970,
                           "\(db.kind): the case is due when acceptance is")
            XCTAssertEqual(status, "running")

            clock.advance(minutes: 30)
            try await d.perform(.accept, n)
            clock.advance(minutes: 30)
            let t1 = clock.now()
            var body = CaseCommandBody()
            body.lead = d.lead
            body.assisting = [d.assisting]
            try await d.perform(.dispatch, n, body: body)
            clock.advance(minutes: 15)
            let t2 = clock.now()
            try await d.perform(.signFor, n, as: d.caller(.departmentHandler, department: d.lead))
            (_, rows, due, status) = try await Self.clocks(n, db)
            XCTAssertEqual(rows.map(\.kind), ["acceptance", "dispatch", "tier", "signFor", "signFor", "handling"])
            XCTAssertEqual(rows.map(\.status), ["met", "met", "running", "met", "running", "running"])
            XCTAssertEqual(rows.map(\.departmentId), [nil, nil, nil, d.lead, d.assisting, d.lead])
            XCTAssertEqual(rows[1].stoppedAt, t1.millisecondsSince1970)
            XCTAssertEqual(rows[3].stoppedAt, t2.millisecondsSince1970)
            XCTAssertEqual(rows[5].startedAt, t2.millisecondsSince1970)
            XCTAssertEqual(rows[5].limitUnit, "workingDays")
            XCTAssertEqual(rows[5].limitValue, 15)
            // The grid tier's deadline (3 working days by default) runs from acceptance.
            let accepted = t0.addingTimeInterval(1800)
            XCTAssertEqual(rows[2].startedAt, accepted.millisecondsSince1970)
            XCTAssertEqual(rows[2].dueAt, self.calendar.deadline(adding: .workingDays(3), from: accepted).millisecondsSince1970)
            XCTAssertEqual(rows[1].dueAt, self.calendar.deadline(adding: .workingHours(4), from: t0.addingTimeInterval(1800)).millisecondsSince1970)
            XCTAssertEqual(due, self.calendar.deadline(adding: .workingHours(4), from: t1).millisecondsSince1970,
                           "the assisting department's sign-for is the earliest open deadline")
            XCTAssertEqual(status, "running")

            try await d.perform(.signFor, n, as: d.caller(.departmentHandler, department: d.assisting))
            (_, rows, due, _) = try await Self.clocks(n, db)
            XCTAssertEqual(rows.map(\.kind), ["acceptance", "dispatch", "tier", "signFor", "signFor", "handling", "handling"])
            XCTAssertEqual(rows[5].dueAt, self.calendar.deadline(adding: .workingDays(15), from: t2).millisecondsSince1970,
                           "the lead's handling deadline, on the official calendar")
            XCTAssertEqual(due, rows[2].dueAt, "the tier deadline comes first")

            // An extension request pauses the handling clocks until it is approved.
            clock.advance(minutes: 60)
            let t3 = clock.now()
            var ask = CaseCommandBody()
            ask.until = self.calendar.deadline(adding: .workingDays(20), from: t2)
            ask.reason = "需协调多个部门"
            try await d.perform(.requestExtension, n, body: ask, as: d.caller(.departmentHandler, department: d.lead))
            (_, rows, _, _) = try await Self.clocks(n, db)
            XCTAssertEqual(rows[5].pausedSince, t3.millisecondsSince1970)
            XCTAssertEqual(rows[6].pausedSince, t3.millisecondsSince1970)
            XCTAssertNil(rows[4].pausedSince, "a stopped sign-for clock is not paused")
            XCTAssertNil(rows[2].pausedSince, "the tier deadline runs on")
            clock.advance(minutes: 120)
            try await d.perform(.approveExtension, n)
            (_, rows, due, _) = try await Self.clocks(n, db)
            XCTAssertNil(rows[5].pausedSince)
            XCTAssertEqual(rows[5].pausedMs, 120 * 60_000)
            XCTAssertEqual(rows[5].limitValue, 20, "the approved extension is added in working days")
            var handling = StageClock(kind: .handling, owner: .department(id: d.lead, role: .lead), limit: .workingDays(20),
                                      startedAt: t2, pauses: [ClockPause(reason: .extensionUnderReview, start: t3,
                                                                         end: t3.addingTimeInterval(7200))])
            XCTAssertEqual(rows[5].dueAt, handling.deadline(at: clock.now(), calendar: self.calendar).millisecondsSince1970)
            XCTAssertEqual(due, min(rows[2].dueAt, rows[5].dueAt))

            try await d.perform(.feedback, n, body: { var b = CaseCommandBody(); b.result = "已调解"; b.waivedAssisting = [d.assisting]; return b }(),
                                as: d.caller(.departmentHandler, department: d.lead))
            (_, rows, _, status) = try await Self.clocks(n, db)
            XCTAssertEqual(rows.map(\.kind).suffix(1), ["verification"])
            XCTAssertEqual(rows.dropLast().map(\.status).filter { $0 == "running" }, [],
                           "feedback stops every department clock and the tier deadline")
            XCTAssertEqual(rows[2].stoppedAt, clock.now().millisecondsSince1970)
            handling.stoppedAt = clock.now()
            XCTAssertEqual(status, "running")

            try await d.perform(.verify, n, body: { var b = CaseCommandBody(); b.pass = true; return b }())
            try await d.perform(.close, n, body: { var b = CaseCommandBody(); b.reply = "已办结"; b.channel = "phone"; return b }())
            (_, rows, due, status) = try await Self.clocks(n, db)
            XCTAssertEqual(Array(rows.map(\.kind).suffix(3)), ["verification", "reply", "revisit"])
            XCTAssertEqual(rows.filter(\.isOpen).map(\.kind), ["revisit"])
            XCTAssertEqual(due, self.calendar.deadline(adding: .workingDays(5), from: clock.now()).millisecondsSince1970)
        }
    }

    func testTheScanTurnsAClockYellowThenRedOnceEach() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await Self.desk(db, clock: clock)
            let t0 = clock.now()
            let n = try await d.open()
            let scan = CaseClockScan(platform: d.platform)
            var (id, rows, _, status) = try await Self.clocks(n, db)
            let acceptance = StageClock(kind: .acceptance, limit: .workingHours(4), startedAt: t0)
            let budget = acceptance.budget(calendar: self.calendar)
            let yellowAt = self.calendar.addingWorkingTime((budget * 0.8).rounded(.up), to: t0)
            XCTAssertEqual(rows.first?.checkAt, yellowAt.millisecondsSince1970, "a running row waits for its 80% point")
            XCTAssertEqual(rows.first?.dueAt, self.calendar.deadline(adding: .workingHours(4), from: t0).millisecondsSince1970,
                           "and shows its deadline")

            clock.advance(minutes: (yellowAt.timeIntervalSince(t0) - 1) / 60)
            var queued = try await scan.run()
            XCTAssertEqual(queued, 0, "\(db.kind): nothing to do a second before 80%")
            clock.advance(minutes: 1.0 / 60)
            queued = try await scan.run()
            XCTAssertEqual(queued, 1)
            queued = try await scan.run()
            XCTAssertEqual(queued, 0, "a second scan adds nothing")
            (id, rows, _, status) = try await Self.clocks(n, db)
            XCTAssertEqual(rows.first?.status, "warning")
            XCTAssertEqual(rows.first?.checkAt, rows.first?.dueAt, "a yellow row waits for its deadline")
            XCTAssertEqual(rows.first?.dueAt, self.calendar.deadline(adding: .workingHours(4), from: t0).millisecondsSince1970)
            XCTAssertEqual(status, "warning")

            clock.advance(minutes: 24 * 60)
            queued = try await scan.run()
            XCTAssertEqual(queued, 1)
            queued = try await scan.run()
            XCTAssertEqual(queued, 0)
            (id, rows, _, status) = try await Self.clocks(n, db)
            XCTAssertEqual(rows.first?.status, "overdue")
            XCTAssertEqual(status, "overdue")
            let caseId = id
            let clockId = try XCTUnwrap(rows.first?.id)
            let messages = try await db.read { try await NotificationOutboxRepository($0).messages(caseId: caseId) }
            XCTAssertEqual(messages.map(\.dedupeKey), ["clock:\(clockId):warning", "clock:\(clockId):overdue"])
            XCTAssertEqual(Set(messages.map(\.recipient)), ["grid:\(SampleAreas.grid)"])
            XCTAssertTrue(messages.allSatisfy { $0.payload.contains(n) })

            // Accepting late stops the clock as missed; the engine queues nothing and the case goes green.
            try await d.perform(.accept, n)
            (id, rows, _, status) = try await Self.clocks(n, db)
            XCTAssertEqual(rows.map(\.status), ["missed", "running", "running"])
            XCTAssertEqual(rows.map(\.kind), ["acceptance", "dispatch", "tier"])
            XCTAssertEqual(status, "running")
            queued = try await scan.run()
            XCTAssertEqual(queued, 0)
        }
    }

    func testAPendingExtensionKeepsTheHandlingClockFromTurningYellow() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await Self.desk(db, clock: clock)
            let n = try await d.open()
            try await d.perform(.accept, n)
            var body = CaseCommandBody()
            body.lead = d.lead
            try await d.perform(.dispatch, n, body: body)
            let handler = d.caller(.departmentHandler, department: d.lead)
            try await d.perform(.signFor, n, as: handler)
            var ask = CaseCommandBody()
            ask.until = self.calendar.deadline(adding: .workingDays(30), from: clock.now())
            ask.reason = "等待鉴定结果"
            try await d.perform(.requestExtension, n, body: ask, as: handler)
            clock.advance(minutes: 60 * 24 * 40)
            try await CaseClockScan(platform: d.platform).run()
            let (caseId, rows, _, _) = try await Self.clocks(n, db)
            let handling = rows.last { $0.kind == "handling" }
            XCTAssertEqual(handling?.status, "running", "\(db.kind): a paused clock does not advance")
            XCTAssertNotNil(handling?.pausedSince)
            let messages = try await db.read { try await NotificationOutboxRepository($0).messages(caseId: caseId) }
            XCTAssertFalse(messages.contains { $0.payload.contains(#""clock":"handling""#) }, "\(messages.map(\.payload))")

            try await d.perform(.denyExtension, n, body: { var b = CaseCommandBody(); b.reason = "理由不充分"; return b }())
            let (_, rows2, _, _) = try await Self.clocks(n, db)
            let resumed = rows2.last { $0.kind == "handling" }
            XCTAssertNil(resumed?.pausedSince)
            XCTAssertEqual(resumed?.limitValue, 15, "a denied request adds nothing")
            XCTAssertEqual(resumed?.pausedMs, 60 * 24 * 40 * 60_000)
        }
    }

    func testThePlanIsPureAndStopsEverythingOnWithdrawal() throws {
        let t0 = TestPlatform.referenceDate
        let area = try XCTUnwrap(AreaCode(SampleAreas.township))
        let staff = Staff(accountID: 1, username: "u", displayName: "u", role: .dispatcher, jurisdiction: Jurisdiction(root: area))
        let events = [
            CaseEvent.reported(kind: .dispute, channel: .phone, urgency: .critical, areaCode: area, gridCode: nil,
                               trackingCode: nil, by: .staff(staff), at: t0),
            CaseEvent(.withdrawn(reason: "已自行解决"), actor: CaseEventActor(.staff(staff)), at: t0.addingTimeInterval(600)),
        ]
        let clocks = CaseClockPlan.clocks(for: events, calendar: calendar, policy: CasePolicy())
        XCTAssertEqual(clocks.map(\.kind), [.acceptance])
        XCTAssertEqual(clocks.first?.limit, .workingHours(1), "特急 takes the critical hotline preset")
        XCTAssertEqual(clocks.first?.stoppedAt, t0.addingTimeInterval(600))
        XCTAssertEqual(CaseClockPlan.clocks(for: events, calendar: calendar, policy: CasePolicy()), clocks)
    }
}
