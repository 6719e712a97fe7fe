import FengqiaoDomain
import Foundation
import XCTest

/// Verification, reply, revisit with reopening, archive, and supervision.
final class CaseWorkflowClosureTests: XCTestCase {
    typealias F = WorkflowFixture

    func testVerificationPassesOrSendsTheCaseBackToTheSameDepartment() {
        let verified = expectEvents(F.handled(), .verify(pass: true, reason: nil), by: F.gridWorker, types: ["verified"])
        XCTAssertEqual(verified.state, .verified)
        expectEvents(F.handled(), .verify(pass: true, reason: "现场已整改"), by: F.countyDispatcher, types: ["verified"])
        let failed = expectEvents(F.handled(), .verify(pass: false, reason: "现场仍有堆物"), by: F.gridWorker,
                                  types: ["verification_failed"])
        XCTAssertEqual(failed.state, .inProgress)
        XCTAssertEqual(failed.lead?.department, F.leadDepartment)
        XCTAssertEqual(failed.lead?.status, .signed)
        expectEvents(failed, .feedback(result: "已清理", evidence: [], waivedAssisting: []), by: F.leadHandler,
                     types: ["feedback_given"])
    }

    func testVerificationRefusals() {
        expectInvalid(F.handled(), .verify(pass: false, reason: nil), by: F.gridWorker, fields: ["reason"])
        expectForbidden(F.handled(), .verify(pass: true, reason: nil), by: F.leadHandler)
        expectForbidden(F.handled(), .verify(pass: true, reason: nil), by: F.intakeOperator)
        expectNotFound(F.handled(), .verify(pass: true, reason: nil), by: F.otherGridWorker)
        expectInvalidTransition(F.inProgress(), .verify(pass: true, reason: nil), by: F.gridWorker)
    }

    func testCloseNeedsTheReply() {
        let closed = expectEvents(F.verified(), .close(reply: " 已为您协调解决 ", channel: .sms), by: F.intakeOperator,
                                  types: ["closed"])
        XCTAssertEqual(closed.state, .closed)
        XCTAssertEqual(closed.reply, "已为您协调解决")
        XCTAssertEqual(closed.replyChannel, .sms)
        expectInvalid(F.verified(), .close(reply: "", channel: .sms), by: F.intakeOperator, fields: ["reply"])
        expectForbidden(F.verified(), .close(reply: "答复", channel: .sms), by: F.gridWorker)
        expectForbidden(F.verified(), .close(reply: "答复", channel: .sms), by: F.requester)
        expectInvalidTransition(F.handled(), .close(reply: "答复", channel: .sms), by: F.intakeOperator)
    }

    func testSatisfiedRevisitArchives() {
        let archived = expectEvents(F.closed(), .revisit(satisfaction: .basicallySatisfied, channel: .phone),
                                    by: F.intakeOperator, types: ["revisited"])
        XCTAssertEqual(archived.state, .archived)
        XCTAssertEqual(archived.satisfaction, .basicallySatisfied)
        let byRequester = expectEvents(F.closed(), .revisit(satisfaction: .satisfied, channel: .portal), by: F.requester,
                                       types: ["revisited"])
        XCTAssertEqual(byRequester.state, .archived)
    }

    func testUnsatisfiedRevisitReopensUpToTheLimitThenArchives() {
        let policy = CasePolicy(reopenLimit: 2)
        var snapshot = F.closed()
        for round in 1...2 {
            snapshot = expectEvents(snapshot, .revisit(satisfaction: .unsatisfied, channel: .sms), by: F.requester,
                                    policy: policy, types: ["revisited"])
            XCTAssertEqual(snapshot.state, .inProgress)
            XCTAssertEqual(snapshot.reopenCount, round)
            XCTAssertEqual(snapshot.lead?.status, .signed)
            snapshot = F.step(snapshot, .feedback(result: "再次处理", evidence: [], waivedAssisting: []), by: F.leadHandler,
                              at: F.hours(20))
            snapshot = F.step(snapshot, .verify(pass: true, reason: nil), by: F.gridWorker, at: F.hours(21))
            snapshot = F.step(snapshot, .close(reply: "再次答复", channel: .phone), by: F.intakeOperator, at: F.hours(22))
        }
        snapshot = expectEvents(snapshot, .revisit(satisfaction: .unsatisfied, channel: .phone), by: F.intakeOperator,
                                policy: policy, types: ["revisited"])
        XCTAssertEqual(snapshot.state, .archived)
        XCTAssertEqual(snapshot.satisfaction, .unsatisfied)
        XCTAssertEqual(snapshot.reopenCount, 2)
        XCTAssertEqual(snapshot.reply, "再次答复")
        // With no reopens allowed the first 不满意 archives.
        let strict = expectEvents(F.closed(), .revisit(satisfaction: .unsatisfied, channel: .phone), by: F.intakeOperator,
                                  policy: CasePolicy(reopenLimit: 0), types: ["revisited"])
        XCTAssertEqual(strict.state, .archived)
    }

    func testAReopenedOnSiteCaseGoesBackToTheGrid() {
        var snapshot = F.step(F.accepted(), .resolveOnSite(result: "当场化解", evidence: ["p"]), by: F.gridWorker,
                              at: F.hours(1))
        snapshot = F.step(snapshot, .verify(pass: false, reason: "当事人不认可"), by: F.dispatcher, at: F.hours(2))
        XCTAssertEqual(snapshot.state, .inProgress)
        expectForbidden(snapshot, .feedback(result: "再次化解", evidence: [], waivedAssisting: []), by: F.dispatcher)
        expectEvents(snapshot, .feedback(result: "再次化解", evidence: [], waivedAssisting: []), by: F.gridWorker,
                     types: ["feedback_given"])
    }

    func testRevisitRefusals() {
        expectInvalid(F.closed(), .revisit(satisfaction: .satisfied, channel: .phone), by: F.requester, fields: ["channel"],
                      code: "invalid_choice")
        expectNotFound(F.closed(), .revisit(satisfaction: .satisfied, channel: .portal), by: .requester(F.otherCode))
        expectForbidden(F.closed(), .revisit(satisfaction: .satisfied, channel: .phone), by: F.gridWorker)
        expectInvalidTransition(F.verified(), .revisit(satisfaction: .satisfied, channel: .phone), by: F.intakeOperator)
    }

    func testOnlyTheSystemArchivesAndNothingLeavesArchived() {
        let archived = expectEvents(F.closed(), .archive, by: F.system, types: ["archived"])
        XCTAssertEqual(archived.state, .archived)
        expectConflict(F.closed(), .archive, by: F.dispatcher, code: "archive_by_system")
        expectInvalidTransition(F.verified(), .archive, by: F.system)
        for command in WorkflowSamples.commands {
            for actor in WorkflowSamples.actors {
                let error = expectRefusal(archived, command, by: actor)
                XCTAssertTrue(
                    error == .notFound(what: "案件") || error?.code == "invalid_transition", "\(command.name): \(String(describing: error))")
            }
        }
    }

    func testSupervisionFromAboveAndItsAnswer() {
        let snapshot = F.inProgress(tier: .township)
        let order = CaseCommand.supervise(kind: .order, note: "请于三日内办结", responseDue: F.hours(72))
        let supervised = expectEvents(snapshot, order, by: F.countyLeader, types: ["supervised"])
        XCTAssertEqual(supervised.openSupervisions.map(\.number), [1])
        let answered = expectEvents(supervised, .respondToSupervision(number: 1, response: "已加快办理"), by: F.leadHandler,
                                    types: ["supervision_answered"])
        XCTAssertTrue(answered.openSupervisions.isEmpty)
        XCTAssertEqual(answered.supervisions.first?.response, "已加快办理")
        expectConflict(answered, .respondToSupervision(number: 1, response: "再答复"), by: F.leadHandler,
                       code: "supervision_not_open", message: "该督办事项已答复")
        let reminded = expectEvents(snapshot, .supervise(kind: .reminder, note: "请抓紧", responseDue: nil), by: F.countyDispatcher,
                                    types: ["supervised"])
        XCTAssertTrue(reminded.openSupervisions.isEmpty)
        expectConflict(reminded, .respondToSupervision(number: 1, response: "收到"), by: F.dispatcher,
                       code: "supervision_not_open", message: "催办无需答复")
        // At the city tier the city itself supervises.
        expectEvents(F.accepted(tier: .city), .supervise(kind: .listed, note: "挂牌督办", responseDue: nil), by: F.cityLeader,
                     types: ["supervised"])
    }

    func testSupervisionRefusals() {
        let snapshot = F.inProgress(tier: .township)
        expectConflict(snapshot, .supervise(kind: .reminder, note: "请抓紧", responseDue: nil), by: F.townshipLeader,
                       code: "not_above_tier")
        expectForbidden(snapshot, .supervise(kind: .reminder, note: "请抓紧", responseDue: nil), by: F.leadHandler)
        expectForbidden(snapshot, .supervise(kind: .reminder, note: "请抓紧", responseDue: nil), by: F.intakeOperator)
        expectInvalid(snapshot, .supervise(kind: .order, note: "督办", responseDue: nil), by: F.countyLeader,
                      fields: ["responseDue"])
        expectInvalid(snapshot, .supervise(kind: .reminder, note: "", responseDue: nil), by: F.countyLeader, fields: ["note"])
        expectInvalidTransition(F.closed(), .supervise(kind: .reminder, note: "请抓紧", responseDue: nil), by: F.countyLeader)
        let supervised = F.step(snapshot, .supervise(kind: .order, note: "督办", responseDue: F.hours(72)),
                                by: F.countyLeader, at: F.hours(2))
        XCTAssertEqual(expectRefusal(supervised, .respondToSupervision(number: 2, response: "答复"), by: F.leadHandler),
                       .notFound(what: "督办事项"))
        expectForbidden(supervised, .respondToSupervision(number: 1, response: "答复"), by: F.assistingHandler)
        expectInvalid(supervised, .respondToSupervision(number: 1, response: ""), by: F.leadHandler, fields: ["response"])
        // A centre below the case's tier does not answer for it.
        expectConflict(supervised, .respondToSupervision(number: 1, response: "答复"), by: F.villageDispatcher,
                       code: "tier_above_actor")
    }

    func testMachinesAndTheSystemDoNoStaffWork() {
        expectForbidden(F.reported(), .accept(F.acceptance), by: F.machine)
        expectForbidden(F.verified(), .close(reply: "答复", channel: .sms), by: F.machine)
        expectForbidden(F.accepted(), .dispatch(F.order(at: F.hours(2))), by: F.system)
        expectForbidden(F.closed(), .revisit(satisfaction: .satisfied, channel: .phone), by: F.system)
    }
}
