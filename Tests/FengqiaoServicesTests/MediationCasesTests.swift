import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// Mediation cases on SQLite and PostgreSQL: opened directly (with a case through the engine) or from
/// a case, one open mediation per case, assignment, withdrawal, scope and roles, nothing half-written.
final class MediationCasesTests: XCTestCase {
    func testADirectOpeningOpensAndAcceptsACaseThroughTheEngine() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            XCTAssertTrue(opened.number.hasPrefix("M150207-2026-"), opened.number)
            XCTAssertEqual(opened.state, "open")
            XCTAssertEqual(opened.source, "direct")
            XCTAssertEqual(opened.mediatorName, "巴特尔")
            XCTAssertEqual(opened.amountYuan, "1234.56")
            XCTAssertEqual(opened.parties.map(\.phone), ["138****5678", "139****4321"])
            XCTAssertEqual(opened.parties.map(\.sideName), ["申请人", "被申请人"])
            // The engine case: 来访, 矛盾纠纷, filed at the grid, accepted at the village tier (the committee's).
            let engineCase = try await CaseEngine(platform: f.platform).view(caseNumber: opened.linkedCase.number,
                                                                             caller: MediationFixture.leader)
            XCTAssertEqual(engineCase.state, "accepted")
            XCTAssertEqual(engineCase.tier, "village")
            XCTAssertEqual(engineCase.category, "邻里纠纷")
            XCTAssertEqual(engineCase.gridCode, SampleAreas.grid)
            XCTAssertEqual(engineCase.amountInvolved, 1234)
            XCTAssertEqual(engineCase.parties.map(\.name), ["李明", "赵刚"])
            XCTAssertEqual(opened.linkedCase.attemptsAtTier, 0)
            XCTAssertEqual(opened.linkedCase.attemptLimit, 3)
            let channel = try await db.read { sql in
                try await sql.select().column("channel").from("cases").first()?.decode(column: "channel", as: String.self)
            }
            XCTAssertEqual(channel, "walkIn")
            // Phones sealed at rest.
            let sealed = try await db.read { sql in
                try await sql.select().column("phone_cipher").from("mediation_parties").orderBy("id").first()?
                    .decode(column: "phone_cipher", as: String.self)
            }
            let cipher = try XCTUnwrap(sealed)
            XCTAssertFalse(cipher.contains("13812345678"))
            XCTAssertEqual(try f.platform.cipher.open(cipher), "13812345678")
            let actions = try await f.auditActions(prefix: "")
            XCTAssertEqual(actions.suffix(3), ["case.open", "case.accept", "mediation_case.open"])

            // A mediator (no acceptCases) opens one too; its case waits for 立案 at the centre.
            let waiting = try await mediations.open(f.directOpening(), caller: MediationFixture.mediator)
            XCTAssertEqual(waiting.linkedCase.state, "reported")
            XCTAssertNotEqual(waiting.linkedCase.number, opened.linkedCase.number)

            let list = try await mediations.list(caller: MediationFixture.leader)
            XCTAssertEqual(list.map(\.number), [waiting.number, opened.number])
            XCTAssertEqual(list.last?.mediatorName, "巴特尔")
            XCTAssertEqual(list.last?.organizationName, "康乐社区人民调解委员会")
        }
    }

    /// Two 转调解 of one case at the same moment: one opens, the other is told the mediation is open (on
    /// PostgreSQL the case row is locked, so the unique index never answers with a server error).
    func testSimultaneousOpeningsOfOneCaseOpenOneMediation() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let reported = try await CaseEngine(platform: f.platform).open(CaseOpening(
                channel: "phone", kind: "dispute", description: "宅基地边界争执", gridCode: SampleAreas.grid),
                caller: MediationFixture.dispatcher)
            let mediations = MediationCases(platform: f.platform)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        do {
                            _ = try await mediations.open(MediationOpeningSubmission(
                                caseNumber: reported.number, specialty: "邻里", organizationId: f.villageCommittee.id),
                                caller: MediationFixture.dispatcher)
                            return "opened"
                        } catch DomainError.conflict(let code, _) {
                            return code
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.sorted(), ["mediation_already_open", "mediation_already_open", "mediation_already_open", "opened"])
            let open = try await f.count("mediation_cases")
            XCTAssertEqual(open, 1)
        }
    }

    func testOpeningFromACaseTakesItsFactsAndPartiesAndRefusesASecondOpenMediation() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let engine = CaseEngine(platform: f.platform)
            let reported = try await engine.open(CaseOpening(
                channel: "phone", kind: "dispute", description: "邻居装修噪音扰民,多次沟通无果", gridCode: SampleAreas.grid,
                parties: [.init(side: "applicant", name: "孙丽", phone: "13700001111"), .init(side: "respondent", name: "周强")]),
                caller: MediationFixture.dispatcher)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "neighbour", organizationId: f.villageCommittee.id),
                caller: MediationFixture.mediator)
            XCTAssertEqual(opened.source, "case")
            XCTAssertEqual(opened.linkedCase.number, reported.number)
            XCTAssertEqual(opened.facts, "邻居装修噪音扰民,多次沟通无果")
            XCTAssertEqual(opened.areaCode, SampleAreas.grid)
            XCTAssertEqual(opened.parties.map(\.name), ["孙丽", "周强"])
            XCTAssertEqual(opened.parties.first?.phone, "137****1111")
            let caseCount = try await f.count("cases")
            XCTAssertEqual(caseCount, 1, "no second case")

            let before = try await f.counts()
            await expectConflict(try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "邻里", organizationId: f.townshipCommittee.id),
                caller: MediationFixture.dispatcher), "mediation_already_open")
            let after = try await f.counts()
            XCTAssertEqual(after, before)

            // Once withdrawn, the case may be mediated again.
            _ = try await mediations.withdraw(number: opened.number, reason: "申请人撤回调解申请", caller: MediationFixture.mediator)
            let again = try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "邻里", organizationId: f.townshipCommittee.id),
                caller: MediationFixture.dispatcher)
            XCTAssertEqual(again.state, "open")
            let history = try await mediations.mediations(ofCase: reported.number, caller: MediationFixture.leader)
            XCTAssertEqual(history.map(\.number), [opened.number, again.number])
            XCTAssertEqual(history.map(\.state), ["withdrawn", "open"])

            // A closed case (here: rejected) is not mediated.
            let other = try await engine.open(CaseOpening(channel: "phone", kind: "dispute", description: "不属于受理范围的事项",
                                                          gridCode: SampleAreas.grid), caller: MediationFixture.dispatcher)
            var rejection = CaseCommandBody()
            rejection.reason = "不属于受理范围"
            rejection.channel = "phone"
            _ = try await engine.perform(CaseCommandRequest(name: .reject, body: rejection), caseNumber: other.number,
                                         caller: MediationFixture.dispatcher)
            await expectConflict(try await mediations.open(
                MediationOpeningSubmission(caseNumber: other.number, specialty: "邻里", organizationId: f.villageCommittee.id),
                caller: MediationFixture.dispatcher), "case_not_open")
            // A case outside the jurisdiction is not found.
            await expectError(try await mediations.open(
                MediationOpeningSubmission(caseNumber: reported.number, specialty: "邻里", organizationId: f.awayCommittee.id),
                caller: MediationFixture.outsider), .notFound(what: "案件"))
        }
    }

    /// A mediation opened from a case without parties gets them afterwards: validated as at the opening,
    /// the phone sealed and masked, audited; refused to the wrong role (403), outside (404), on bad input
    /// (field errors) and once the mediation is closed (409), with nothing written.
    func testPartiesAreAddedToAnOpenMediation() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await f.partylessMediation()
            XCTAssertEqual(opened.parties, [])

            let applicant = try await mediations.addParty(number: opened.number, MediationPartySubmission(
                side: "申请人", name: " 孙丽 ", phone: "13700001111"), caller: MediationFixture.mediator)
            XCTAssertEqual(applicant.parties.map(\.name), ["孙丽"])
            XCTAssertEqual(applicant.parties.first?.phone, "137****1111")
            XCTAssertEqual(applicant.parties.first?.kindName, "自然人")
            XCTAssertEqual(applicant.version, opened.version + 1)
            let both = try await mediations.addParty(number: opened.number, MediationPartySubmission(
                side: "respondent", kind: "单位", name: "康乐物业公司"), caller: MediationFixture.dispatcher)
            XCTAssertEqual(both.parties.map { "\($0.sideName):\($0.kindName):\($0.name)" },
                           ["申请人:自然人:孙丽", "被申请人:单位:康乐物业公司"])
            XCTAssertNil(both.parties.last?.phone)
            let sealed = try await db.read { sql in
                try await sql.select().column("phone_cipher").from("mediation_parties").where("name", .equal, "孙丽").first()?
                    .decode(column: "phone_cipher", as: String.self)
            }
            let cipher = try XCTUnwrap(sealed)
            XCTAssertFalse(cipher.contains("13700001111"))
            XCTAssertEqual(try f.platform.cipher.open(cipher), "13700001111")
            let actions = try await f.auditActions(prefix: "mediation_case.add_party")
            XCTAssertEqual(actions.count, 2)
            let summary = try await db.read { sql in
                try await sql.select().column("summary").from("audit_log").where("action", .equal, "mediation_case.add_party")
                    .orderBy("id").first()?.decode(column: "summary", as: String.self)
            }
            XCTAssertTrue(summary?.contains("applicant") == true && summary?.contains("13700001111") == false, summary ?? "")

            let before = try await f.counts()
            await expectError(try await mediations.addParty(number: opened.number, MediationPartySubmission(
                side: "申请人", name: "钱七"), caller: MediationFixture.leader), .forbidden(permission: .mediate))
            await expectError(try await mediations.addParty(number: opened.number, MediationPartySubmission(
                side: "申请人", name: "钱七"), caller: MediationFixture.outsider), .notFound(what: "该调解案件"))
            await expectError(try await mediations.addParty(number: "M150207-2026-99999", MediationPartySubmission(
                side: "申请人", name: "钱七"), caller: MediationFixture.mediator), .notFound(what: "该调解案件"))
            await expectFields(try await mediations.addParty(number: opened.number, MediationPartySubmission(
                side: "第三人", kind: "法人", name: " ", phone: "123"), caller: MediationFixture.mediator),
                ["side:invalid_format", "kind:invalid_format", "name:required", "phone:invalid_format"])
            await expectFields(try await mediations.addParty(number: opened.number, MediationPartySubmission(
                name: String(repeating: "长", count: 61)), caller: MediationFixture.mediator),
                ["side:required", "name:too_long"])
            let unchanged = try await f.counts()
            XCTAssertEqual(unchanged, before)

            // At most as many as an opening may name.
            for n in 2..<MediationOpeningSubmission.partyLimit {
                _ = try await mediations.addParty(number: opened.number, MediationPartySubmission(
                    side: "respondent", name: "被申请人\(n)"), caller: MediationFixture.mediator)
            }
            let full = try await f.counts()
            XCTAssertEqual(full["mediation_parties"], MediationOpeningSubmission.partyLimit)
            await expectFields(try await mediations.addParty(number: opened.number, MediationPartySubmission(
                side: "respondent", name: "多一个"), caller: MediationFixture.mediator), ["parties:too_many"])
            let stillFull = try await f.counts()
            XCTAssertEqual(stillFull, full)

            // A closed mediation takes no more parties.
            let closed = try await f.partylessMediation()
            _ = try await mediations.withdraw(number: closed.number, reason: "当事人撤回", caller: MediationFixture.mediator)
            let withdrawn = try await f.counts()
            await expectConflict(try await mediations.addParty(number: closed.number, MediationPartySubmission(
                side: "申请人", name: "钱七"), caller: MediationFixture.mediator), "mediation_closed")
            let afterClosed = try await f.counts()
            XCTAssertEqual(afterClosed, withdrawn)
        }
    }
}

/// Sessions and the ladder: each held session is one attempt on the case in the same transaction.
final class MediationSessionsTests: XCTestCase {
    static func held(_ outcome: String, minutesAgo: Int = 60, notes: String = "双方各执己见,未达成一致") -> MediationSessionSubmission {
        let at = TestPlatform.referenceDate.addingTimeInterval(TimeInterval(-minutesAgo * 60))
        return MediationSessionSubmission(at: ISO8601DateFormatter().string(from: at), place: "康乐社区调解室",
                                          attendees: "李明、赵刚、巴特尔", notes: notes, outcome: outcome)
    }

    func testSessionsCountAttemptsAndTheThirdFailedOneEscalatesTheCase() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            let mediator = MediationFixture.mediator
            let first = try await mediations.addSession(number: opened.number, Self.held("failed"), caller: mediator)
            XCTAssertEqual(first.state, "inMediation")
            XCTAssertEqual(first.sessions.map(\.attemptNumber), [1])
            XCTAssertEqual(first.sessions.first?.tier, "village")
            XCTAssertEqual(first.linkedCase.attemptsAtTier, 1)
            let second = try await mediations.addSession(number: opened.number, Self.held("当事人未到场"), caller: mediator)
            XCTAssertEqual(second.linkedCase.attemptsAtTier, 2)
            XCTAssertEqual(second.sessions.last?.outcomeName, "当事人未到场")
            let third = try await mediations.addSession(number: opened.number, Self.held("failed"), caller: mediator)
            XCTAssertEqual(third.sessions.last?.escalated, true)
            XCTAssertEqual(third.linkedCase.tier, "township", "the third failed attempt escalates the case")
            XCTAssertEqual(third.linkedCase.attemptsAtTier, 0)
            let engineCase = try await CaseEngine(platform: f.platform).view(caseNumber: opened.linkedCase.number,
                                                                             caller: MediationFixture.leader)
            XCTAssertEqual(engineCase.tier, "township")
            let events = try await db.read { sql in
                try await sql.select().column("type").from("case_events").orderBy("id").all()
                    .map { try $0.decode(column: "type", as: String.self) }
            }
            XCTAssertEqual(events, ["reported", "accepted", "attempt_recorded", "attempt_recorded", "attempt_recorded", "escalated"])
            let fourth = try await mediations.addSession(number: opened.number, Self.held("resolved", notes: "双方达成一致"),
                                                         caller: mediator)
            XCTAssertEqual(fourth.sessions.last?.tier, "township")
            XCTAssertEqual(fourth.sessions.last?.attemptNumber, 1)
            XCTAssertEqual(fourth.state, "inMediation", "outcomes are recorded separately")
            let actions = try await f.auditActions(prefix: "mediation_session")
            XCTAssertEqual(actions, Array(repeating: "mediation_session.record", count: 4))
        }
    }

    func testSessionsAreRefusedWhenTheMediationOrTheEngineRefuses() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            // Opened by a mediator, the case still waits for 立案: the engine refuses the attempt.
            let waiting = try await mediations.open(f.directOpening(), caller: MediationFixture.mediator)
            var before = try await f.counts()
            await expectConflict(try await mediations.addSession(number: waiting.number, Self.held("failed"),
                                                                 caller: MediationFixture.mediator), "invalid_transition")
            var after = try await f.counts()
            XCTAssertEqual(after, before, "nothing written when the engine refuses")

            let opened = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            // Wrong role, outside, bad input.
            await expectError(try await mediations.addSession(number: opened.number, Self.held("failed"),
                                                              caller: MediationFixture.dispatcher), .forbidden(permission: .mediate))
            await expectError(try await mediations.addSession(number: opened.number, Self.held("failed"),
                                                              caller: MediationFixture.outsider), .notFound(what: "该调解案件"))
            before = try await f.counts()
            await expectFields(try await mediations.addSession(
                number: opened.number, MediationSessionSubmission(at: "2099-01-01T09:00", place: "", attendees: nil, outcome: "failed"),
                caller: MediationFixture.mediator), ["at:in_future", "place:required", "attendees:required", "notes:required"])
            await expectFields(try await mediations.addSession(
                number: opened.number, MediationSessionSubmission(at: "昨天", place: "调解室", attendees: "双方", notes: "x", outcome: "吵架"),
                caller: MediationFixture.mediator), ["outcome:unknown", "at:invalid_format"])
            await expectFields(try await mediations.addSession(
                number: opened.number, MediationSessionSubmission(at: "2026-11-20T09:00", place: "调解室", attendees: "双方"),
                caller: MediationFixture.mediator), ["at:not_future"])
            after = try await f.counts()
            XCTAssertEqual(after, before, "nothing written on bad input")

            // A withdrawn mediation takes no sessions.
            _ = try await mediations.withdraw(number: opened.number, reason: "双方自行和解", caller: MediationFixture.dispatcher)
            await expectConflict(try await mediations.addSession(number: opened.number, Self.held("failed"),
                                                                 caller: MediationFixture.mediator), "mediation_closed")
            await expectConflict(try await mediations.withdraw(number: opened.number, reason: "再次", caller: MediationFixture.mediator),
                                 "mediation_closed")
        }
    }

    func testAMediatorStationedInADepartmentMediatesAndOtherDepartmentStaffSeeNothing() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            let township = try XCTUnwrap(AreaCode(SampleAreas.township))
            let justice = Caller(staff: Staff(accountID: 21, username: "sfs", displayName: "司法所调解员", role: .mediator,
                                              jurisdiction: Jurisdiction(root: township), departmentID: 5), ip: "test")
            let held = try await mediations.addSession(number: opened.number, MediationSessionsTests.held("failed"), caller: justice)
            XCTAssertEqual(held.linkedCase.attemptsAtTier, 1)
            let handler = Caller(staff: Staff(accountID: 22, username: "bm", displayName: "部门办理人", role: .departmentHandler,
                                              jurisdiction: Jurisdiction(root: township), departmentID: 5), ip: "test")
            let listed = try await mediations.list(caller: handler)
            XCTAssertEqual(listed, [])
            await expectError(try await mediations.view(number: opened.number, caller: handler), .notFound(what: "该调解案件"))
        }
    }

    func testAPlannedSessionIsNextAndCountsOnceItsOutcomeIsRecorded() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let f = try await MediationFixture.make(db, clock: clock)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(mediator: f.wang.id, organization: f.townshipCommittee.id),
                                                  caller: MediationFixture.dispatcher)
            let planned = try await mediations.addSession(number: opened.number, MediationSessionSubmission(
                at: "2026-11-23T14:30", place: "街道调解中心", attendees: "双方当事人"), caller: MediationFixture.mediator)
            XCTAssertEqual(planned.state, "open")
            XCTAssertEqual(planned.sessions.map(\.planned), [true])
            XCTAssertEqual(planned.nextSession, ChinaTime.date(ofDay: "2026-11-23")?.addingTimeInterval(14.5 * 3600))
            let listed = try await mediations.list(caller: MediationFixture.leader)
            XCTAssertEqual(listed.first?.nextSession, planned.nextSession)
            XCTAssertEqual(listed.first?.mediatorName, "王调解")
            XCTAssertEqual(planned.linkedCase.attemptsAtTier, 0, "a planned session is no attempt")

            await expectConflict(try await mediations.recordSessionOutcome(
                number: opened.number, sessionNumber: 1, MediationSessionSubmission(notes: "达成一致", outcome: "resolved"),
                caller: MediationFixture.mediator), "session_not_held")
            clock.advance(minutes: 300)
            await expectFields(try await mediations.recordSessionOutcome(
                number: opened.number, sessionNumber: 1, MediationSessionSubmission(), caller: MediationFixture.mediator),
                ["outcome:required", "notes:required"])
            let held = try await mediations.recordSessionOutcome(
                number: opened.number, sessionNumber: 1, MediationSessionSubmission(attendees: "双方及律师", notes: "达成一致", outcome: "resolved"),
                caller: MediationFixture.mediator)
            XCTAssertEqual(held.state, "inMediation")
            XCTAssertEqual(held.sessions.first?.attendees, "双方及律师")
            XCTAssertEqual(held.linkedCase.attemptsAtTier, 1)
            XCTAssertNil(held.nextSession)
            await expectConflict(try await mediations.recordSessionOutcome(
                number: opened.number, sessionNumber: 1, MediationSessionSubmission(notes: "x", outcome: "resolved"),
                caller: MediationFixture.mediator), "session_recorded")
            await expectError(try await mediations.recordSessionOutcome(
                number: opened.number, sessionNumber: 9, MediationSessionSubmission(notes: "x", outcome: "resolved"),
                caller: MediationFixture.mediator), .notFound(what: "该调解会"))
        }
    }
}

/// 六调联动 referrals out and in, assignment with real loads, suggestions, roles and bad input.
final class MediationReferralsTests: XCTestCase {
    func testReferralsOutAndInFollowTheirStates() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            let mediator = MediationFixture.mediator
            let sent = try await mediations.refer(number: opened.number, MediationReferralSubmission(
                kind: "诉调", counterpart: "九原区人民法院", reference: "(2026)蒙0207诉前调1号", note: "涉及金额较大,转诉前调解"),
                caller: mediator)
            let out = try XCTUnwrap(sent.referrals.first)
            XCTAssertEqual([out.direction, out.kind, out.state, out.sentOn], ["out", "court", "sent", "2026-11-23"])
            XCTAssertEqual(out.kindName, "诉调")
            let accepted = try await mediations.updateReferral(
                number: opened.number, referralId: out.id, MediationReferralUpdate(action: "受理"), caller: mediator)
            XCTAssertEqual(accepted.referrals.first?.state, "accepted")
            await expectFields(try await mediations.updateReferral(
                number: opened.number, referralId: out.id, MediationReferralUpdate(action: "reply", date: "2026-11-01"),
                caller: mediator), ["text:required", "date:before_referral"])
            let replied = try await mediations.updateReferral(
                number: opened.number, referralId: out.id,
                MediationReferralUpdate(action: "reply", text: "已诉前调解成功,出具调解书", date: "2026-11-23"), caller: mediator)
            XCTAssertEqual(replied.referrals.first?.state, "replied")
            XCTAssertEqual(replied.referrals.first?.reply, "已诉前调解成功,出具调解书")
            XCTAssertEqual(replied.referrals.first?.finished, true)
            await expectConflict(try await mediations.updateReferral(
                number: opened.number, referralId: out.id, MediationReferralUpdate(action: "decline", text: "x"), caller: mediator),
                "invalid_referral_transition")

            // In: a police station sends a dispute, which opens a mediation (and its case).
            let incoming = try await mediations.open(MediationOpeningSubmission(
                specialty: "邻里", facts: "两户因停车位发生口角,派出所调处后转来", areaCode: SampleAreas.village,
                organizationId: f.villageCommittee.id,
                parties: [.init(side: "applicant", name: "钱一"), .init(side: "respondent", name: "吴二")],
                referral: MediationReferralSubmission(kind: "police", counterpart: "沙河派出所", date: "2026-11-22")),
                caller: MediationFixture.dispatcher)
            XCTAssertEqual(incoming.source, "referral")
            let into = try XCTUnwrap(incoming.referrals.first)
            XCTAssertEqual([into.direction, into.kindName, into.state, into.sentOn], ["in", "警调", "received", "2026-11-22"])
            let declined = try await mediations.updateReferral(
                number: incoming.number, referralId: into.id, MediationReferralUpdate(action: "不予受理", text: "不属于人民调解范围"),
                caller: mediator)
            XCTAssertEqual(declined.referrals.first?.state, "declined")
            XCTAssertEqual(declined.state, "withdrawn", "declining a dispute sent in ends its mediation")
            XCTAssertEqual(declined.stateReason, "不予受理转入:不属于人民调解范围")

            // Roles, scope, bad input, closed mediation.
            await expectError(try await mediations.refer(number: opened.number, MediationReferralSubmission(
                kind: "court", counterpart: "法院"), caller: MediationFixture.dispatcher), .forbidden(permission: .mediate))
            await expectError(try await mediations.refer(number: opened.number, MediationReferralSubmission(
                kind: "court", counterpart: "法院"), caller: MediationFixture.outsider), .notFound(what: "该调解案件"))
            await expectError(try await mediations.updateReferral(
                number: opened.number, referralId: into.id, MediationReferralUpdate(action: "accept"), caller: mediator),
                .notFound(what: "该联动记录"))
            let before = try await f.counts()
            await expectFields(try await mediations.refer(number: opened.number, MediationReferralSubmission(
                kind: "法庭", counterpart: "", date: "2099-01-01"), caller: mediator),
                ["kind:unknown", "counterpart:required", "date:in_future"])
            await expectFields(try await mediations.updateReferral(
                number: opened.number, referralId: out.id, MediationReferralUpdate(action: "approve"), caller: mediator),
                ["action:unknown"])
            await expectFields(try await mediations.open(MediationOpeningSubmission(
                specialty: "邻里", facts: "转入纠纷事实说明", areaCode: SampleAreas.village, organizationId: f.villageCommittee.id,
                parties: [.init(side: "applicant", name: "甲"), .init(side: "respondent", name: "乙")],
                referral: MediationReferralSubmission(kind: "访调")), caller: MediationFixture.dispatcher),
                ["referral.counterpart:required"])
            let after = try await f.counts()
            XCTAssertEqual(after, before)
            await expectConflict(try await mediations.refer(number: incoming.number, MediationReferralSubmission(
                kind: "court", counterpart: "法院"), caller: mediator), "mediation_closed")
            let actions = try await f.auditActions(prefix: "mediation_referral")
            XCTAssertEqual(actions, ["mediation_referral.send", "mediation_referral.accept", "mediation_referral.reply",
                                     "mediation_referral.receive", "mediation_referral.decline"])
        }
    }

    func testAssignmentLoadsSuggestionsAndOpeningErrors() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db)
            let mediations = MediationCases(platform: f.platform)
            let first = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            _ = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            let third = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            // Suggestions: specialty, closeness, then load — 巴特尔 (village, 2 open) before 王调解 (township, 0).
            var suggested = try await mediations.suggestions(number: third.number, caller: MediationFixture.dispatcher)
            XCTAssertEqual(suggested.map(\.mediator.name), ["巴特尔", "王调解"])
            XCTAssertEqual(suggested.map(\.load), [2, 0])
            let registry = MediationRegistry(platform: f.platform)
            // A second village mediator with no load goes first among the village's.
            let idle = try await registry.createMediator(MediatorSubmission(
                organizationId: f.villageCommittee.id, name: "空闲", specialties: ["邻里"]), caller: MediationFixture.dispatcher)
            suggested = try await mediations.suggestions(number: third.number, caller: MediationFixture.dispatcher)
            XCTAssertEqual(suggested.map(\.mediator.name), ["空闲", "巴特尔", "王调解"])
            let mongolian = try await mediations.suggestions(number: third.number, language: "蒙古语", caller: MediationFixture.dispatcher)
            XCTAssertEqual(mongolian.map(\.mediator.name), ["巴特尔"])

            let assigned = try await mediations.assign(number: third.number, mediatorId: f.wang.id, caller: MediationFixture.dispatcher)
            XCTAssertEqual(assigned.mediatorName, "王调解")
            XCTAssertEqual(assigned.organizationName, "沙河街道人民调解委员会", "the mediation follows its mediator's organisation")
            let reassigned = try await mediations.assign(number: third.number, mediatorId: idle.id, caller: MediationFixture.dispatcher)
            XCTAssertEqual(reassigned.mediatorName, "空闲")
            _ = try await mediations.withdraw(number: first.number, reason: "当事人撤回", caller: MediationFixture.mediator)
            let pool = try await registry.mediators(caller: MediationFixture.leader)
            let loads = Dictionary(uniqueKeysWithValues: pool.map { ($0.name, $0.load) })
            XCTAssertEqual(loads["巴特尔"], 1, "a withdrawn mediation is no load")
            XCTAssertEqual(loads["空闲"], 1)
            XCTAssertEqual(loads["王调解"], 0)
            // Track record counts outcomes (set by the outcomes of a mediation): succeeded and concluded.
            try await db.write { sql in
                try await sql.update("mediation_cases").set("state", to: "succeeded").set("open_case_id", to: SQLLiteral.null)
                    .where("number", .equal, third.number).run()
            }
            let record = try await registry.mediators(caller: MediationFixture.leader).first { $0.name == "空闲" }
            XCTAssertEqual([record?.load, record?.succeeded, record?.concluded], [0, 1, 1])

            // Assignment: wrong role, retired or outside mediator, outside mediation.
            let open = first.number == third.number ? first : try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            await expectError(try await mediations.assign(number: open.number, mediatorId: f.wang.id, caller: MediationFixture.leader),
                              .forbidden(permission: .manageMediation))
            await expectFields(try await mediations.assign(number: open.number, mediatorId: f.retired.id, caller: MediationFixture.dispatcher),
                               ["mediatorId:inactive"])
            await expectFields(try await mediations.assign(number: open.number, mediatorId: f.away.id, caller: MediationFixture.dispatcher),
                               ["mediatorId:unknown"])
            await expectFields(try await mediations.assign(number: open.number, mediatorId: nil, caller: MediationFixture.dispatcher),
                               ["mediatorId:required"])
            await expectError(try await mediations.assign(number: open.number, mediatorId: f.away.id, caller: MediationFixture.outsider),
                              .notFound(what: "该调解案件"))
            await expectError(try await mediations.view(number: open.number, caller: MediationFixture.outsider),
                              .notFound(what: "该调解案件"))
            let outsiderList = try await mediations.list(caller: MediationFixture.outsider)
            XCTAssertEqual(outsiderList, [])

            // Opening: every bad field at once, nothing written.
            let before = try await f.counts()
            await expectFields(try await mediations.open(MediationOpeningSubmission(
                specialty: "算命", facts: "短", amountFen: -1, areaCode: CameraFixture.villageB, organizationId: f.awayCommittee.id,
                mediatorId: f.retired.id,
                parties: [.init(side: "原告", name: ""), .init(side: "respondent", name: "乙", phone: "123")]),
                caller: MediationFixture.dispatcher),
                ["specialty:unknown", "facts:too_short", "amountFen:out_of_range", "parties[0].side:invalid_format",
                 "parties[0].name:required", "parties[1].phone:invalid_format", "areaCode:unknown", "mediatorId:inactive",
                 "organizationId:unknown"])
            await expectFields(try await mediations.open(MediationOpeningSubmission(
                specialty: "邻里", facts: "只有申请人的纠纷", areaCode: SampleAreas.village, organizationId: f.townshipCommittee.id,
                mediatorId: f.bater.id, parties: [.init(side: "applicant", name: "甲")]), caller: MediationFixture.dispatcher),
                ["parties:respondent_required", "mediatorId:other_organization"])
            await expectFields(try await mediations.open(MediationOpeningSubmission(), caller: MediationFixture.dispatcher),
                               ["specialty:required", "facts:required", "areaCode:required", "organizationId:required",
                                "parties:applicant_required", "parties:respondent_required"])
            let after = try await f.counts()
            XCTAssertEqual(after, before)
            await expectError(try await mediations.open(f.directOpening(), caller: MediationFixture.leader),
                              .forbidden(permission: .manageMediation))
        }
    }
}
