import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The clocks of the mediation ladder and of 吹哨报到 on SQLite and PostgreSQL: the tier deadline and
/// the scan's automatic escalation (once, up to the top), check-in clocks and missed check-ins, a
/// dispatcher's named deadline, an earlier arrival time, and the stored case policy.
final class CaseLadderClockTests: XCTestCase {
    typealias Desk = CaseClockTests.Desk
    let calendar = BusinessCalendar.official

    static var admin: Caller {
        get throws {
            Caller(staff: Staff(accountID: 1, username: "sys", displayName: "系统管理员", role: .systemAdmin,
                                jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))), ip: "test")
        }
    }

    /// Saves `change` applied to the stored policy's submission, as the system admin.
    static func setPolicy(_ platform: Platform, _ change: (inout CasePolicySubmission) -> Void) async throws {
        var submission = CasePolicySubmission(try await platform.casePolicy())
        change(&submission)
        try await CasePolicyStore(platform: platform).save(submission, by: try admin)
    }

    static func events(_ n: String, _ db: any Database) async throws -> [CaseEvent] {
        try await db.read { sql in
            let id = try await CaseRepository(sql).find(number: n)?.id ?? -1
            return try CaseEventCodec.events(try await CaseRepository(sql).events(caseId: id))
        }
    }

    // MARK: The plan (pure)

    func testThePlanTimesTiersCheckInsAndANamedDeadline() throws {
        let t0 = TestPlatform.referenceDate
        func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
        let area = try XCTUnwrap(AreaCode(SampleAreas.township))
        let staff = Staff(accountID: 1, username: "u", displayName: "u", role: .dispatcher, jurisdiction: Jurisdiction(root: area))
        let actor = CaseEventActor(.staff(staff))
        let named = at(7 * 1440 + 125)
        let order = DispatchOrder(lead: 7, assisting: [8], deadline: named, returnWindowEnds: at(240),
                                  presetDeadline: at(15 * 1440), overrideReason: "领导批示限期办结")
        let events = [
            CaseEvent.reported(kind: .dispute, channel: .phone, urgency: .urgent, areaCode: area, gridCode: nil,
                               trackingCode: nil, by: .staff(staff), at: t0),
            CaseEvent(.accepted(acceptance: CaseAcceptance(kind: .dispute, category: "邻里纠纷", urgency: .urgent, tier: .grid)),
                      actor: actor, at: at(10)),
            CaseEvent(.whistled(number: 1, departments: [5, 6], checkInDue: at(40)), actor: actor, at: at(10)),
            CaseEvent(.checkedIn(whistle: 1, department: 5, late: false), actor: actor, at: at(20)),
            CaseEvent(.escalated(from: .grid, to: .village, reason: "超时", automatic: true), actor: actor, at: at(60)),
            CaseEvent(.dispatched(order: order), actor: actor, at: at(120)),
            CaseEvent(.signedFor(department: 7, role: .lead), actor: actor, at: at(180)),
            CaseEvent(.signedFor(department: 8, role: .assisting), actor: actor, at: at(180)),
            CaseEvent(.whistled(number: 2, departments: [6], checkInDue: at(300)), actor: actor, at: at(180)),
            CaseEvent(.checkedIn(whistle: 1, department: 6, late: true), actor: actor, at: at(240)),
            CaseEvent(.checkedIn(whistle: 2, department: 6, late: false), actor: actor, at: at(240)),
            CaseEvent(.feedbackGiven(result: "已办结", evidence: [], waivedAssisting: [8]), actor: actor, at: at(360)),
        ]
        var policy = CasePolicy()
        policy.tierLimits[.grid] = .workingHours(8)
        let clocks = CaseClockPlan.clocks(for: events, calendar: calendar, policy: policy)
        XCTAssertEqual(clocks.map(\.kind), [.acceptance, .dispatch, .tier, .checkIn, .checkIn, .tier, .signFor, .signFor,
                                            .handling, .handling, .checkIn, .verification])
        XCTAssertEqual(clocks.map(\.owner.departmentID), [nil, nil, nil, 5, 6, nil, 7, 8, 7, 8, 6, nil])
        XCTAssertEqual(CaseClockPlan.clocks(for: events, calendar: calendar, policy: policy), clocks, "pure")
        let end = at(400)
        // The tier deadline: the policy's limit per tier, from acceptance and again from the escalation,
        // stopped by the feedback.
        XCTAssertEqual(clocks[2].limit, .workingHours(8))
        XCTAssertEqual(clocks[2].startedAt, at(10))
        XCTAssertEqual(clocks[2].stoppedAt, at(60))
        XCTAssertEqual(clocks[5].limit, .workingDays(10), "the village tier's default")
        XCTAssertEqual(clocks[5].startedAt, at(60))
        XCTAssertEqual(clocks[5].stoppedAt, at(360))
        XCTAssertEqual(clocks[1].stoppedAt, at(120), "dispatch stops the dispatch clock, not the tier's")
        // Check-ins end exactly at the whistle's due time and stop when that department checks in.
        XCTAssertEqual(clocks[3].owner, .department(id: 5, role: .summoned))
        XCTAssertEqual(clocks[3].deadline(at: end, calendar: calendar), at(40))
        XCTAssertEqual(clocks[3].status(at: end, calendar: calendar), .stopped(onTime: true))
        XCTAssertEqual(clocks[4].status(at: end, calendar: calendar), .stopped(onTime: false), "checked in late")
        XCTAssertEqual(clocks[4].stoppedAt, at(240))
        XCTAssertEqual(clocks[10].deadline(at: end, calendar: calendar), at(300))
        XCTAssertEqual(clocks[10].status(at: end, calendar: calendar), .stopped(onTime: true))
        XCTAssertEqual(clocks[4].status(at: at(30), calendar: calendar), .running(fraction: 20.0 / 30))
        XCTAssertEqual(clocks[4].status(at: at(35), calendar: calendar), .warning(fraction: 25.0 / 30))
        XCTAssertEqual(clocks[4].status(at: at(41), calendar: calendar), .overdue)
        // The lead's handling ends at the dispatcher's deadline; the assisting part follows the preset.
        XCTAssertEqual(clocks[8].fixedDeadline, named)
        XCTAssertEqual(clocks[8].deadline(at: at(200), calendar: calendar), named)
        XCTAssertEqual(clocks[8].limit, .minutes(7 * 1440 + 125 - 180))
        XCTAssertNil(clocks[9].fixedDeadline)
        XCTAssertEqual(clocks[9].limit, .workingDays(3), "紧急 hotline handling")
        XCTAssertEqual(clocks[8].stoppedAt, at(360))
    }

    // MARK: Automatic escalation

    func testTheScanEscalatesAnOverdueTierOnceAtATimeUpToTheTop() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            try await Self.setPolicy(d.platform) { policy in
                for tier in MediationTier.allCases { policy.tierLimits[tier] = .init(amount: "1", unit: "workingHours") }
            }
            let n = try await d.open()
            try await d.perform(.accept, n)
            let scan = CaseClockScan(platform: d.platform)
            var tiers: [String] = []
            for _ in 0..<5 {
                clock.advance(minutes: 24 * 60)
                // Two scans at once and one after: the case moves up exactly one tier.
                async let first = scan.run()
                async let second = scan.run()
                _ = try await (first, second)
                try await scan.run()
                let view = try await d.engine.view(caseNumber: n, caller: d.desk)
                tiers.append(view.tier)
            }
            XCTAssertEqual(tiers, ["village", "township", "county", "city", "city"], "\(db.kind)")
            let events = try await Self.events(n, db)
            let escalations = events.compactMap { event -> (MediationTier, Bool, String)? in
                guard case .escalated(_, let to, let reason, let automatic) = event.payload else { return nil }
                return (to, automatic, reason)
            }
            XCTAssertEqual(escalations.map(\.0), [.village, .township, .county, .city])
            XCTAssertTrue(escalations.allSatisfy(\.1), "every escalation is marked automatic")
            XCTAssertEqual(escalations.first?.2, "本级(网格排查)调处时限1个工作小时已届满,自动升级至“村社首调”")
            XCTAssertTrue(events.filter { $0.type == "escalated" }.allSatisfy { $0.actor.kind == .system })
            // At the top the tier clock just stays red.
            let (caseId, rows, _, status) = try await CaseClockTests.clocks(n, db)
            let tierRows = rows.filter { $0.kind == "tier" }
            XCTAssertEqual(tierRows.map(\.status), ["missed", "missed", "missed", "missed", "overdue"])
            XCTAssertEqual(status, "overdue")
            let audits = try await db.read {
                try await AuditRepository($0, kind: db.kind).latest(action: "case.escalate", limit: 10)
            }
            XCTAssertEqual(audits.count, 4)
            XCTAssertEqual(Set(audits.map(\.actor)), ["system:case-clocks.scan"])
            let messages = try await db.read { try await NotificationOutboxRepository($0).messages(caseId: caseId) }
            XCTAssertEqual(messages.filter { $0.payload.contains(#""clock":"tier""#) && $0.payload.contains("overdue") }.count, 5,
                           "each tier's deadline turned red once")
        }
    }

    func testEscalationByDeadlineCanBeLeftToPeopleAndWaitsForAnEscalatableState() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            try await Self.setPolicy(d.platform) { $0.escalatesWhenTierOverdue = false }
            let n = try await d.open()
            try await d.perform(.accept, n)
            var body = CaseCommandBody()
            body.lead = d.lead
            try await d.perform(.dispatch, n, body: body)
            clock.advance(minutes: 5 * 24 * 60)
            let scan = CaseClockScan(platform: d.platform)
            try await scan.run()
            var view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.tier, "grid", "\(db.kind): switched off, the tier only turns red")
            XCTAssertEqual(view.clocks?.first { $0.kind == "tier" }?.status, "overdue")
            // Switched on while the case is dispatched: escalation waits until it may escalate.
            try await Self.setPolicy(d.platform) { $0.escalatesWhenTierOverdue = true }
            try await scan.run()
            view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.tier, "grid", "a dispatched case does not escalate")
            try await d.perform(.signFor, n, as: d.caller(.departmentHandler, department: d.lead))
            try await scan.run()
            view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.tier, "village", "picked up once signed for, though its clock was already red")
            XCTAssertEqual(view.timeline.last?.label, "自动升级至村社首调")
            try await scan.run()
            let again = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(again.version, view.version)
        }
    }

    // MARK: 吹哨报到

    func testAMissedCheckInIsRedCountedAndNotified() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            let n = try await d.engine.open(CaseOpening(channel: "phone", kind: "dispute", urgency: "urgent",
                                                        description: "多人聚集争吵", gridCode: SampleAreas.grid),
                                            caller: d.desk).number
            try await d.perform(.accept, n)
            let blown = clock.now()
            var body = CaseCommandBody()
            body.departments = [d.lead, d.assisting]
            try await d.perform(.whistle, n, body: body)
            var view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.whistles?.first?.checkInDue, blown.addingTimeInterval(30 * 60), "紧急: 30 minutes by default")
            XCTAssertEqual(view.whistles?.first?.departments.map(\.state), ["pending", "pending"])
            clock.advance(minutes: 10)
            var checkIn = CaseCommandBody()
            checkIn.department = d.lead
            try await d.perform(.checkIn, n, body: checkIn, as: d.caller(.departmentHandler, department: d.lead))
            clock.advance(minutes: 25)
            let queued = try await CaseClockScan(platform: d.platform).run()
            XCTAssertGreaterThanOrEqual(queued, 1)
            view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.whistles?.first?.departments.map(\.state), ["checkedIn", "missed"], "\(db.kind)")
            XCTAssertEqual(view.whistles?.first?.departments.map(\.name), ["派出所", "司法所"])
            let checkIns = view.clocks?.filter { $0.kind == "checkIn" } ?? []
            XCTAssertEqual(checkIns.map(\.status), ["met", "overdue"])
            XCTAssertEqual(checkIns.map(\.statusName), ["按时报到", "未按时报到"])
            XCTAssertEqual(checkIns.map(\.department), [d.lead, d.assisting])
            XCTAssertEqual(checkIns.last?.deadline, blown.addingTimeInterval(30 * 60))
            XCTAssertEqual(checkIns.last?.limit, "30分钟")
            let worklists = CaseWorklists(platform: d.platform)
            var counts = try await worklists.counts(caller: d.desk)
            XCTAssertEqual(counts.missedCheckIns, 1)
            let outside = Caller(staff: Staff(accountID: 9, username: "o", displayName: "o", role: .dispatcher,
                                              jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode("150207009000")))),
                                 ip: "test")
            let outsideCounts = try await worklists.counts(caller: outside)
            XCTAssertEqual(outsideCounts.missedCheckIns, 0, "outside the jurisdiction")
            let (caseId, _, _, status) = try await CaseClockTests.clocks(n, db)
            XCTAssertEqual(status, "overdue")
            let messages = try await db.read { try await NotificationOutboxRepository($0).messages(caseId: caseId) }
            let missed = messages.filter { $0.payload.contains(#""clock":"checkIn""#) }
            XCTAssertEqual(missed.map(\.recipient), ["department:\(d.assisting)"])
            XCTAssertTrue(missed.first?.payload.contains(#""status":"overdue""#) ?? false)

            // Checking in late stops the clock as missed; it is still counted.
            clock.advance(minutes: 5)
            checkIn.department = d.assisting
            try await d.perform(.checkIn, n, body: checkIn, as: d.caller(.departmentHandler, department: d.assisting))
            view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.whistles?.first?.departments.map(\.state), ["checkedIn", "late"])
            XCTAssertEqual(view.clocks?.filter { $0.kind == "checkIn" }.map(\.status), ["met", "missed"])
            counts = try await worklists.counts(caller: d.desk)
            XCTAssertEqual(counts.missedCheckIns, 1)
        }
    }

    // MARK: Deadlines named by people

    func testANamedDispatchDeadlineEndsTheLeadsHandlingClock() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            let n = try await d.open()
            try await d.perform(.accept, n)
            let deadline = clock.now().addingTimeInterval(5 * 86_400 + 7_200 + 17)
            var body = CaseCommandBody()
            body.lead = d.lead
            body.assisting = [d.assisting]
            body.deadline = deadline
            body.overrideReason = "领导批示限期办结"
            try await d.perform(.dispatch, n, body: body)
            clock.advance(minutes: 45)
            try await d.perform(.signFor, n, as: d.caller(.departmentHandler, department: d.lead))
            try await d.perform(.signFor, n, as: d.caller(.departmentHandler, department: d.assisting))
            let (_, rows, _, _) = try await CaseClockTests.clocks(n, db)
            let handling = rows.filter { $0.kind == "handling" }
            XCTAssertEqual(handling.map(\.departmentId), [d.lead, d.assisting])
            XCTAssertEqual(handling.first?.dueAt, deadline.millisecondsSince1970, "\(db.kind): the dispatcher's deadline")
            XCTAssertEqual(handling.first?.limitUnit, "minutes")
            XCTAssertEqual(handling.last?.dueAt,
                           self.calendar.deadline(adding: .workingDays(15), from: clock.now()).millisecondsSince1970,
                           "the assisting department keeps the preset")
            let view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.deadline, deadline)
            XCTAssertEqual(view.clocks?.first { $0.kind == "handling" }?.deadline, deadline)
        }
    }

    func testAnEarlierArrivalStartsTheAcceptanceClockThen() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            let arrived = clock.now().addingTimeInterval(-3 * 3600 - 0.25)
            func opening(_ reportedAt: Date?) -> CaseOpening {
                CaseOpening(channel: "hotline12345", kind: "dispute", description: "来电反映噪音扰民", gridCode: SampleAreas.grid,
                            reportedAt: reportedAt)
            }
            let view = try await d.engine.open(opening(arrived), caller: d.desk)
            let whole = Date(millisecondsSince1970: arrived.millisecondsSince1970)
            XCTAssertEqual(view.timeline.first?.at, whole)
            let (_, rows, due, _) = try await CaseClockTests.clocks(view.number, db)
            XCTAssertEqual(rows.first?.startedAt, whole.millisecondsSince1970, "\(db.kind)")
            XCTAssertEqual(due, self.calendar.deadline(adding: .workingHours(4), from: whole).millisecondsSince1970)
            let record = try await db.read { try await CaseRepository($0).find(number: view.number) }
            XCTAssertEqual(record?.reportedAt, whole.millisecondsSince1970)

            for (reportedAt, code) in [(clock.now().addingTimeInterval(60), "in_future"),
                                       (clock.now().addingTimeInterval(-400 * 86_400), "too_old")] {
                do {
                    _ = try await d.engine.open(opening(reportedAt), caller: d.desk)
                    XCTFail("accepted \(reportedAt)")
                } catch DomainError.validation(let fields) {
                    XCTAssertEqual(fields.map(\.field), ["reportedAt"])
                    XCTAssertEqual(fields.first?.code, code)
                }
            }
        }
    }

    // MARK: The stored policy

    func testThePolicyIsValidatedAuditedAndAppliesAtOnce() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            let store = CasePolicyStore(platform: d.platform)
            let current = try await store.current(caller: try Self.admin)
            XCTAssertEqual(current, CasePolicy(), "the defaults until something is stored")
            do {
                _ = try await store.current(caller: d.desk)
                XCTFail("a dispatcher read the policy")
            } catch DomainError.forbidden(let permission) {
                XCTAssertEqual(permission, .configureCases)
            }
            var submission = CasePolicySubmission(current)
            submission.urgentCheckIn = .init(amount: "45", unit: "minutes")
            do {
                try await store.save(submission, by: d.desk)
                XCTFail("a dispatcher saved the policy")
            } catch DomainError.forbidden {}
            var bad = submission
            bad.reopenLimit = "九"
            do {
                try await store.save(bad, by: try Self.admin)
                XCTFail("saved a bad policy")
            } catch DomainError.validation(let fields) {
                XCTAssertEqual(fields.map(\.field), ["reopenLimit"])
            }
            let unchanged = try await d.platform.casePolicy()
            XCTAssertEqual(unchanged, CasePolicy(), "nothing half-written")

            try await store.save(submission, by: try Self.admin)
            let saved = try await d.platform.casePolicy()
            XCTAssertEqual(saved.urgentCheckIn, .minutes(45))
            let audit = try await db.read {
                try await AuditRepository($0, kind: db.kind).latest(action: "case_policy.update", limit: 5)
            }
            XCTAssertEqual(audit.count, 1)
            XCTAssertTrue(audit.first?.summary.contains(#""urgentCheckIn":{"amount":45,"unit":"minutes"}"#) ?? false,
                          audit.first?.summary ?? "")
            // Another instance reads it from the database.
            let other = Platform(database: db, cipher: try TestPlatform.cipher(), clock: clock, logger: TestDatabases.logger)
            let read = try await other.casePolicy()
            XCTAssertEqual(read.urgentCheckIn, .minutes(45))

            // The engine takes the stored check-in time for an urgent case's whistle.
            let n = try await d.engine.open(CaseOpening(channel: "phone", kind: "dispute", urgency: "critical",
                                                        description: "群体性纠纷", gridCode: SampleAreas.grid),
                                            caller: d.desk).number
            try await d.perform(.accept, n)
            var body = CaseCommandBody()
            body.departments = [d.lead]
            try await d.perform(.whistle, n, body: body)
            let view = try await d.engine.view(caseNumber: n, caller: d.desk)
            XCTAssertEqual(view.whistles?.first?.checkInDue, clock.now().addingTimeInterval(45 * 60))
        }
    }
}
