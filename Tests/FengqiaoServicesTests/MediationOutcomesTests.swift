import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// How mediations end, on SQLite and PostgreSQL: each outcome path (state, conclusion, agreement, what
/// the linked case hears, audit, the mediator's record), the refusals with nothing written, the signed
/// copy, performance, the judicial-confirmation window across 国庆节 and the reminders.
final class MediationOutcomesTests: XCTestCase {
    /// A clock at 10:00 Beijing time on `day`.
    static func clock(_ day: String) -> ManualClock {
        ManualClock((CivilDate(day)?.start ?? TestPlatform.referenceDate).addingTimeInterval(10 * 3600))
    }

    static let mediator = MediationFixture.mediator

    static func agreement(deadline: String? = "2026-10-15", dueOn: String? = "2026-09-30") -> MediationAgreementSubmission {
        MediationAgreementSubmission(
            facts: "楼上漏水导致楼下房屋受损。\n双方就赔偿金额协商未果。",
            terms: [AgreementTermSubmission(obligor: "被申请人", content: "赔偿房屋维修费用", amount: "12,000.50", dueOn: dueOn),
                    AgreementTermSubmission(obligor: "申请人", content: "配合被申请人入户检修"),
                    AgreementTermSubmission()],
            performanceMethod: "限期履行", performanceDeadline: deadline)
    }

    static func success(deadline: String? = "2026-10-15", dueOn: String? = "2026-09-30") -> MediationConclusionSubmission {
        MediationConclusionSubmission(outcome: "调解成功", agreement: agreement(deadline: deadline, dueOn: dueOn))
    }

    /// The type and payload of the last event of case `number`.
    static func lastEvent(_ number: String, _ db: any Database) async throws -> (type: String, payload: String) {
        try await db.read { sql in
            let id = try await sql.select().column("id").from("cases").where("number", .equal, number).first()?
                .decode(column: "id", as: Int64.self) ?? -1
            let row = try await sql.select().column("type").column("payload").from("case_events")
                .where("case_id", .equal, id).orderBy("id", .descending).first()
            return (try row?.decode(column: "type", as: String.self) ?? "", try row?.decode(column: "payload", as: String.self) ?? "")
        }
    }

    func outcomeCounts(_ f: MediationFixture) async throws -> [String: Int] {
        var counts = try await f.counts()
        for table in ["mediation_conclusions", "mediation_agreements", "case_attachments", "notification_outbox"] {
            counts[table] = try await f.count(table)
        }
        return counts
    }

    func testASuccessWritesTheAgreementNotesTheCaseAndCountsForTheMediator() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db, clock: Self.clock("2026-09-01"))
            let mediations = MediationCases(platform: f.platform)
            let outcomes = MediationOutcomes(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            let concluded = try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator)
            XCTAssertEqual(concluded.state, "succeeded")
            XCTAssertEqual(concluded.conclusion?.outcomeName, "调解成功")
            XCTAssertNil(concluded.conclusion?.route)
            let agreement = try XCTUnwrap(concluded.agreement)
            XCTAssertEqual(agreement.terms.map(\.content), ["赔偿房屋维修费用", "配合被申请人入户检修"])
            XCTAssertEqual(agreement.terms.first?.amountFen, 1_200_050)
            XCTAssertEqual(agreement.totalYuan, "12,000.50")
            XCTAssertEqual(agreement.concludedOn, "2026-09-01")
            XCTAssertEqual(agreement.performanceDeadline, "2026-10-15")
            XCTAssertEqual(agreement.performance, "pending")
            XCTAssertEqual(agreement.confirmation, "notRequested")
            XCTAssertNil(agreement.window, "no window before the agreement is signed")
            XCTAssertTrue(agreement.documentNumber.hasPrefix("〔2026〕150207调字第"), agreement.documentNumber)
            // The rows.
            let rows = try await db.read { sql in
                (try await sql.select().column("outcome").column("concluded_by").column("concluded_by_account")
                    .from("mediation_conclusions").first()?.decode(column: "concluded_by_account", as: Int64.self),
                 try await sql.select().column("terms").column("total_fen").from("mediation_agreements").first()?
                    .decode(column: "total_fen", as: Int64.self))
            }
            XCTAssertEqual(rows.0, 12)
            XCTAssertEqual(rows.1, 1_200_050)
            // The case hears of it as an internal progress note, in the same transaction; it stays at its tier.
            let event = try await Self.lastEvent(opened.linkedCase.number, db)
            XCTAssertEqual(event.type, "progress_added")
            XCTAssertTrue(event.payload.contains("调解成功") && event.payload.contains("12,000.50"), event.payload)
            XCTAssertFalse(event.payload.contains("\"isPublic\":true"), event.payload)
            XCTAssertEqual(concluded.caseTier, "village")
            let actions = try await f.auditActions(prefix: "")
            XCTAssertEqual(actions.suffix(2), ["case.addProgress", "mediation_case.conclude"])
            // The case is free for another mediation; the mediator's record counts the success.
            let view = try await mediations.view(number: opened.number, caller: MediationFixture.leader)
            XCTAssertNotNil(view.closedAt)
            let bater = try await MediationRegistry(platform: f.platform).mediators(caller: MediationFixture.leader)
                .first { $0.id == f.bater.id }
            XCTAssertEqual(bater?.succeeded, 1)
            XCTAssertEqual(bater?.concluded, 1)
            XCTAssertEqual(bater?.load, 0)
            // Reading as a leader (viewCases).
            let read = try await outcomes.outcome(number: opened.number, caller: MediationFixture.leader)
            XCTAssertEqual(read.agreement?.terms.count, 2)
        }
    }

    func testPartialAndFailedMediationsTakeTheirRoutes() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db, clock: Self.clock("2026-09-01"))
            let mediations = MediationCases(platform: f.platform)
            let outcomes = MediationOutcomes(platform: f.platform)
            let partial = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            let part = try await outcomes.conclude(number: partial.number, MediationConclusionSubmission(
                outcome: "部分达成", agreement: Self.agreement(), route: "引导仲裁", note: "经济补偿金部分未达成一致"),
                caller: Self.mediator)
            XCTAssertEqual(part.state, "partial")
            XCTAssertEqual(part.conclusion?.routeName, "引导仲裁")
            XCTAssertNotNil(part.agreement)
            let partEvent = try await Self.lastEvent(partial.linkedCase.number, db)
            XCTAssertEqual(partEvent.type, "progress_added")
            XCTAssertTrue(partEvent.payload.contains("引导仲裁") && partEvent.payload.contains("经济补偿金"), partEvent.payload)

            // 升级调处: the case moves one tier up through the engine; no agreement row.
            let escalated = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
            XCTAssertEqual(escalated.linkedCase.tier, "village")
            let failed = try await outcomes.conclude(number: escalated.number, MediationConclusionSubmission(
                outcome: "调解不成", route: "升级调处", note: "双方分歧过大"), caller: Self.mediator)
            XCTAssertEqual(failed.state, "failed")
            XCTAssertEqual(failed.caseTier, "township")
            XCTAssertNil(failed.agreement)
            let escalation = try await Self.lastEvent(escalated.linkedCase.number, db)
            XCTAssertEqual(escalation.type, "escalated")
            XCTAssertTrue(escalation.payload.contains("双方分歧过大"), escalation.payload)
            let stateReason = try await mediations.view(number: escalated.number, caller: MediationFixture.leader).stateReason
            XCTAssertEqual(stateReason, "升级调处:双方分歧过大")

            // 引导诉讼: a note, the tier stays.
            let sued = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            let litigation = try await outcomes.conclude(number: sued.number, MediationConclusionSubmission(
                outcome: "failed", route: "litigation", note: "被申请人拒绝调解"), caller: Self.mediator)
            XCTAssertEqual(litigation.caseTier, "village")
            let note = try await Self.lastEvent(sued.linkedCase.number, db)
            XCTAssertEqual(note.type, "progress_added")
            let found1 = try await f.count("mediation_conclusions")
            XCTAssertEqual(found1, 3)
            let found2 = try await f.count("mediation_agreements")
            XCTAssertEqual(found2, 1)
            let bater = try await MediationRegistry(platform: f.platform).mediators(caller: MediationFixture.leader)
                .first { $0.id == f.bater.id }
            XCTAssertEqual(bater?.succeeded, 0)
            XCTAssertEqual(bater?.concluded, 2)
            let actions = try await f.auditActions(prefix: "case.escalate")
            XCTAssertEqual(actions, ["case.escalate"])
        }
    }

    func testRefusalsWriteNothing() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db, clock: Self.clock("2026-09-01"))
            let mediations = MediationCases(platform: f.platform)
            let outcomes = MediationOutcomes(platform: f.platform)
            let opened = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            let before = try await self.outcomeCounts(f)
            await expectError(try await outcomes.conclude(number: opened.number, Self.success(), caller: MediationFixture.leader),
                              .forbidden(permission: .mediate))
            await expectError(try await outcomes.conclude(number: opened.number, Self.success(), caller: MediationFixture.outsider),
                              .notFound(what: "该调解案件"))
            await expectError(try await outcomes.outcome(number: opened.number, caller: MediationFixture.outsider),
                              .notFound(what: "该调解案件"))
            await expectFields(try await outcomes.conclude(number: opened.number, MediationConclusionSubmission(), caller: Self.mediator),
                               ["outcome:required"])
            await expectFields(try await outcomes.conclude(number: opened.number, MediationConclusionSubmission(
                outcome: "succeeded", agreement: MediationAgreementSubmission(
                    facts: " ", terms: [AgreementTermSubmission(obligor: "第三人", content: "付款", amount: "-1", dueOn: "2026-08-01")],
                    performanceMethod: "限期履行", performanceDeadline: "2026-13-01")), caller: Self.mediator),
                ["facts:required", "terms[0].obligor:unknown", "terms[0].amount:invalid", "terms[0].dueOn:before_agreement",
                 "performanceDeadline:invalid_format"])
            await expectFields(try await outcomes.conclude(number: opened.number, MediationConclusionSubmission(
                outcome: "failed", agreement: Self.agreement()), caller: Self.mediator),
                ["agreement:not_allowed", "route:required", "note:required"])
            // No agreement yet: the follow-ups are refused.
            await expectConflict(try await outcomes.recordPerformance(number: opened.number,
                AgreementPerformanceSubmission(state: "performed"), caller: Self.mediator), "no_agreement")
            let after = try await self.outcomeCounts(f)
            XCTAssertEqual(after, before)
            let found3 = try await mediations.view(number: opened.number, caller: MediationFixture.leader).state
            XCTAssertEqual(found3, "open")

            // The engine refuses a case still waiting for 立案 (opened by a mediator): the conclusion is refused whole.
            let waiting = try await mediations.open(f.directOpening(), caller: MediationFixture.mediator)
            let counted = try await self.outcomeCounts(f)
            await expectConflict(try await outcomes.conclude(number: waiting.number, Self.success(), caller: Self.mediator),
                                 "invalid_transition")
            let found4 = try await self.outcomeCounts(f)
            XCTAssertEqual(found4, counted)
            let found5 = try await mediations.view(number: waiting.number, caller: MediationFixture.leader).state
            XCTAssertEqual(found5, "open")

            // A concluded mediation is not concluded twice.
            _ = try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator)
            await expectConflict(try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator),
                                 "mediation_closed")
            let withdrawn = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            _ = try await mediations.withdraw(number: withdrawn.number, reason: "当事人撤回", caller: Self.mediator)
            await expectConflict(try await outcomes.conclude(number: withdrawn.number, Self.success(), caller: Self.mediator),
                                 "mediation_closed")
        }
    }

    /// An agreement names its parties: without a 申请人 and a 被申请人 an agreement is refused (nothing
    /// written), a failed conclusion is not; once both are added, the agreement is concluded.
    func testAnAgreementNeedsAnApplicantAndARespondent() async throws {
        try await TestDatabases.each { db in
            let f = try await MediationFixture.make(db, clock: Self.clock("2026-09-01"))
            let mediations = MediationCases(platform: f.platform)
            let outcomes = MediationOutcomes(platform: f.platform)
            let opened = try await f.partylessMediation()
            XCTAssertEqual(opened.parties, [])
            let before = try await self.outcomeCounts(f)
            await expectFields(try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator),
                               ["parties:missing_parties"])
            await expectFields(try await outcomes.conclude(number: opened.number, MediationConclusionSubmission(
                outcome: "部分达成", agreement: Self.agreement(), route: "引导仲裁", note: "经济补偿金部分未达成一致"),
                caller: Self.mediator), ["parties:missing_parties"])
            do {
                _ = try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator)
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.first?.message, "达成调解协议须有申请人和被申请人,请先登记当事人")
            }
            // One side is not enough.
            _ = try await mediations.addParty(number: opened.number, MediationPartySubmission(side: "申请人", name: "孙丽"),
                                              caller: Self.mediator)
            let oneSided = try await self.outcomeCounts(f)
            XCTAssertEqual(oneSided["mediation_parties"], (before["mediation_parties"] ?? 0) + 1)
            await expectFields(try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator),
                               ["parties:missing_parties"])
            let refused = try await self.outcomeCounts(f)
            XCTAssertEqual(refused, oneSided)
            let state = try await mediations.view(number: opened.number, caller: MediationFixture.leader).state
            XCTAssertEqual(state, "open")

            // With both sides the agreement is concluded and names them.
            _ = try await mediations.addParty(number: opened.number, MediationPartySubmission(
                side: "被申请人", kind: "单位", name: "康乐物业公司"), caller: Self.mediator)
            let concluded = try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator)
            XCTAssertEqual(concluded.state, "succeeded")
            XCTAssertNotNil(concluded.agreement)

            // A failed conclusion needs no parties.
            let failing = try await f.partylessMediation()
            let failed = try await outcomes.conclude(number: failing.number, MediationConclusionSubmission(
                outcome: "调解不成", route: "引导诉讼", note: "被申请人拒绝调解"), caller: Self.mediator)
            XCTAssertEqual(failed.state, "failed")
        }
    }

    /// The signed copy is an attachment of the case; the agreement takes effect that day. Signed on
    /// 2026-09-01, the window's day 30 is 1 October (国庆节), so it closes on 8 October: the hand-off is
    /// taken on the 8th and refused on the 9th with the last day named.
    func testTheSignedCopyStartsTheWindowWhichClosesAfterTheHoliday() async throws {
        try await TestDatabases.each { db in
            let clock = Self.clock("2026-09-01")
            let f = try await MediationFixture.make(db, clock: clock)
            let mediations = MediationCases(platform: f.platform)
            let outcomes = MediationOutcomes(platform: f.platform)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 64)
            var numbers: [String] = []
            for _ in 0..<2 {
                let opened = try await mediations.open(f.directOpening(mediator: f.bater.id), caller: MediationFixture.dispatcher)
                _ = try await outcomes.conclude(number: opened.number, Self.success(), caller: Self.mediator)
                numbers.append(opened.number)
            }
            let (first, second) = (numbers[0], numbers[1])
            let before = try await self.outcomeCounts(f)
            await expectFields(try await outcomes.uploadSignedCopy(number: first, file: Data("MZ executable".utf8),
                                                                   filename: "协议.exe", signedOn: "2026-09-02", caller: Self.mediator),
                               ["signedOn:in_future", "file:unsupported_type"])
            await expectFields(try await outcomes.uploadSignedCopy(number: first, file: png, filename: "协议.png",
                                                                   signedOn: "2026-08-31", caller: Self.mediator),
                               ["signedOn:too_early"])
            await expectError(try await outcomes.uploadSignedCopy(number: first, file: png, filename: "协议.png",
                                                                  signedOn: "2026-09-01", caller: MediationFixture.outsider),
                              .notFound(what: "该调解案件"))
            await expectError(try await outcomes.uploadSignedCopy(number: first, file: png, filename: "协议.png",
                                                                  signedOn: "2026-09-01", caller: MediationFixture.leader),
                              .forbidden(permission: .mediate))
            let found6 = try await self.outcomeCounts(f)
            XCTAssertEqual(found6, before)
            let uploads = f.platform.uploads.directory
            XCTAssertFalse(FileManager.default.fileExists(atPath: uploads.path)
                && ((try? FileManager.default.subpathsOfDirectory(atPath: uploads.path))?.contains { $0.count > 3 } ?? false),
                "no refused file kept")

            let signed = try await outcomes.uploadSignedCopy(number: first, file: png, filename: "C:\\扫描\\协议签署页.png",
                                                             signedOn: "2026-09-01", caller: Self.mediator)
            let agreement = try XCTUnwrap(signed.agreement)
            XCTAssertEqual(agreement.signedOn, "2026-09-01")
            XCTAssertEqual(agreement.window?.effectiveOn, "2026-09-01")
            XCTAssertEqual(agreement.window?.lastDay, "2026-10-08")
            XCTAssertEqual(agreement.window?.open, true)
            XCTAssertEqual(agreement.window?.daysLeft, 37)
            let attachments = try await CaseAttachments(platform: f.platform).list(caseNumber: signed.caseNumber,
                                                                                  caller: MediationFixture.leader)
            XCTAssertEqual(attachments.map(\.name), ["协议签署页.png"])
            XCTAssertEqual(attachments.first?.id, agreement.signedAttachmentId)
            await expectConflict(try await outcomes.uploadSignedCopy(number: first, file: png, filename: "again.png",
                                                                     signedOn: "2026-09-01", caller: Self.mediator),
                                 "agreement_signed")
            _ = try await outcomes.uploadSignedCopy(number: second, file: png, filename: "b.png", signedOn: "2026-09-01",
                                                    caller: Self.mediator)
            let actions = try await f.auditActions(prefix: "mediation_agreement")
            XCTAssertEqual(actions, ["mediation_agreement.sign", "mediation_agreement.sign"])

            // Hand-off before the ruling is refused; on the last day (after 国庆节) it is taken.
            await expectConflict(try await outcomes.recordRuling(number: first, ConfirmationRulingSubmission(
                result: "confirmed", day: "2026-09-01"), caller: Self.mediator), "confirmation_not_requested")
            clock.advance(minutes: 37 * 1440)  // 2026-10-08
            let open = try await outcomes.outcome(number: first, caller: MediationFixture.leader)
            XCTAssertEqual(open.agreement?.window?.open, true)
            XCTAssertEqual(open.agreement?.window?.daysLeft, 0)
            let handed = try await outcomes.handOff(number: first, ConfirmationHandOffSubmission(court: "九原区人民法院"),
                                                    caller: Self.mediator)
            XCTAssertEqual(handed.agreement?.confirmation, "handedOff")
            XCTAssertEqual(handed.agreement?.handedOn, "2026-10-08")
            await expectConflict(try await outcomes.handOff(number: first, ConfirmationHandOffSubmission(court: "法院"),
                                                            caller: Self.mediator), "confirmation_requested")
            clock.advance(minutes: 1440)  // 2026-10-09
            let closed = try await outcomes.outcome(number: second, caller: MediationFixture.leader)
            XCTAssertEqual(closed.agreement?.window?.open, false)
            let counted = try await self.outcomeCounts(f)
            do {
                _ = try await outcomes.handOff(number: second, ConfirmationHandOffSubmission(court: "九原区人民法院"),
                                               caller: Self.mediator)
                XCTFail("handed off after the window")
            } catch DomainError.conflict(let code, let message) {
                XCTAssertEqual(code, "confirmation_window_closed")
                XCTAssertTrue(message.contains("2026-10-08"), message)
            }
            let found7 = try await self.outcomeCounts(f)
            XCTAssertEqual(found7, counted)
            let ruled = try await outcomes.recordRuling(number: first, ConfirmationRulingSubmission(
                result: "确认有效", day: "2026-10-09", note: "(2026)蒙0207民特12号"), caller: Self.mediator)
            XCTAssertEqual(ruled.agreement?.confirmation, "confirmed")
            XCTAssertEqual(ruled.agreement?.ruledOn, "2026-10-09")
            let confirmations = try await f.auditActions(prefix: "mediation_confirmation")
            XCTAssertEqual(confirmations, ["mediation_confirmation.hand_off", "mediation_confirmation.ruling"])
            try? FileManager.default.removeItem(at: f.platform.uploads.directory)
        }
    }

    /// Three days before the deadline, the day after it while nothing was recorded, five days before the
    /// window closes: each reminder once, to whoever concluded, however often the scan runs.
    func testRemindersAreQueuedOnceEach() async throws {
        try await TestDatabases.each { db in
            let clock = Self.clock("2026-09-01")
            let f = try await MediationFixture.make(db, clock: clock)
            let mediations = MediationCases(platform: f.platform)
            let outcomes = MediationOutcomes(platform: f.platform)
            let scan = MediationFollowUpScan(platform: f.platform)
            let followed = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            _ = try await outcomes.conclude(number: followed.number, Self.success(deadline: "2026-09-20", dueOn: "2026-09-15"),
                                            caller: Self.mediator)
            _ = try await outcomes.uploadSignedCopy(number: followed.number, file: Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]),
                                                    filename: "scan.jpg", signedOn: "2026-09-01", caller: Self.mediator)
            let performed = try await mediations.open(f.directOpening(), caller: MediationFixture.dispatcher)
            _ = try await outcomes.conclude(number: performed.number, Self.success(deadline: "2026-09-20", dueOn: "2026-09-15"),
                                            caller: Self.mediator)
            _ = try await outcomes.recordPerformance(number: performed.number,
                                                     AgreementPerformanceSubmission(state: "已履行"), caller: Self.mediator)
            func keys() async throws -> [String] {
                try await db.read { sql in
                    try await sql.select().column("dedupe_key").column("recipient").from("notification_outbox")
                        .where("dedupe_key", .like, "mediation-reminder:%").orderBy("id").all()
                        .map { "\(try $0.decode(column: "dedupe_key", as: String.self))→\(try $0.decode(column: "recipient", as: String.self))" }
                }
            }
            let found8 = try await scan.run()
            XCTAssertEqual(found8, 0)
            clock.advance(minutes: 16 * 1440)  // 2026-09-17: three days before the deadline
            let found9 = try await scan.run()
            XCTAssertEqual(found9, 1)
            let found10 = try await scan.run()
            XCTAssertEqual(found10, 0, "the same reminder is not queued twice")
            clock.advance(minutes: 4 * 1440)  // 2026-09-21: the day after the deadline, nothing recorded
            let found11 = try await scan.run()
            XCTAssertEqual(found11, 1)
            let found12 = try await scan.run()
            XCTAssertEqual(found12, 0)
            clock.advance(minutes: 12 * 1440)  // 2026-10-03: five days before the window closes (10-08)
            let found13 = try await scan.run()
            XCTAssertEqual(found13, 1)
            let found14 = try await scan.run()
            XCTAssertEqual(found14, 0)
            let found = try await keys()
            XCTAssertEqual(found.count, 3, "\(found)")
            XCTAssertTrue(found.allSatisfy { $0.hasSuffix("→account:12") }, "\(found)")
            XCTAssertTrue(found[0].contains(":performanceDue:2026-09-20"), found[0])
            XCTAssertTrue(found[1].contains(":performanceOverdue:2026-09-20"), found[1])
            XCTAssertTrue(found[2].contains(":confirmationClosing:2026-10-08"), found[2])
            let payload = try await db.read { sql in
                try await sql.select().column("payload").column("channel").from("notification_outbox")
                    .where("dedupe_key", .like, "%performanceOverdue%").first()
            }
            XCTAssertEqual(try payload?.decode(column: "channel", as: String.self), "app")
            let text = try payload?.decode(column: "payload", as: String.self) ?? ""
            let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            XCTAssertEqual(json?["title"] as? String, "调解协议逾期未履行:\(followed.number)")
            XCTAssertTrue((json?["body"] as? String ?? "").contains("2026-09-20"), text)
            // Handed off: no more window reminders; performed: no performance reminders for the other one.
            clock.advance(minutes: 1440)
            let found15 = try await scan.run()
            XCTAssertEqual(found15, 0)
            try? FileManager.default.removeItem(at: f.platform.uploads.directory)
        }
    }
}
