import FengqiaoDomain
import Foundation
import XCTest

/// report, accept, reject, merge/split, on-site resolution and withdrawal.
final class CaseWorkflowIntakeTests: XCTestCase {
    typealias F = WorkflowFixture

    func testAReportStartsAtTheGridTierAsVersionOne() {
        let snapshot = F.reported()
        XCTAssertEqual(snapshot.state, .reported)
        XCTAssertEqual(snapshot.tier, .grid)
        XCTAssertEqual(snapshot.version, 1)
        XCTAssertEqual(snapshot.trackingCode, F.code)
        XCTAssertEqual(snapshot.location.rawValue, F.grid)
        XCTAssertNil(CaseSnapshot.replay([]))
        XCTAssertNil(CaseSnapshot.replay([CaseEvent(.archived, actor: CaseEventActor(F.system), at: F.t0)]))
        let malformed = CaseEvent.Payload.reported(kind: .dispute, channel: .web, urgency: .normal, areaCode: "15020",
                                                   gridCode: nil, trackingCode: nil)
        XCTAssertNil(CaseSnapshot(reported: CaseEvent(malformed, actor: CaseEventActor(F.system), at: F.t0)))
    }

    func testOperatorAcceptsWithCategoryUrgencyAndTier() {
        let command = CaseCommand.accept(
            CaseAcceptance(kind: .livelihood, category: "  供暖问题 ", urgency: .urgent, tier: .township, slaPreset: "hotline"))
        let after = expectEvents(F.reported(), command, by: F.intakeOperator, types: ["accepted"])
        XCTAssertEqual(after.state, .accepted)
        XCTAssertEqual(after.kind, .livelihood)
        XCTAssertEqual(after.category, "供暖问题")
        XCTAssertEqual(after.urgency, .urgent)
        XCTAssertEqual(after.tier, .township)
        XCTAssertEqual(after.slaPreset, "hotline")
        expectEvents(F.reported(), .accept(F.acceptance), by: F.dispatcher, types: ["accepted"])
    }

    func testGridLeaderAcceptsOnlyOnOwnGrids() {
        expectEvents(F.reported(), .accept(F.acceptance), by: F.gridLeader, types: ["accepted"])
        // A case known only by its village is not on a grid the leader answers for.
        expectForbidden(F.reported(grid: nil), .accept(F.acceptance), by: F.gridLeader)
        // Another village's grid leader does not see the case at all.
        expectNotFound(F.reported(), .accept(F.acceptance), by: F.staff(.gridLeader, at: "150207001002"))
    }

    func testAcceptRefusals() {
        expectForbidden(F.reported(), .accept(F.acceptance), by: F.gridWorker)
        expectForbidden(F.reported(), .accept(F.acceptance), by: F.countyLeader)
        expectForbidden(F.reported(), .accept(F.acceptance), by: F.requester)
        expectForbidden(F.reported(), .accept(F.acceptance), by: F.system)
        expectForbidden(F.reported(), .accept(F.acceptance), by: F.machine)
        expectNotFound(F.reported(), .accept(F.acceptance), by: F.staff(.intakeOperator, at: F.otherTownship))
        expectNotFound(F.reported(), .accept(F.acceptance), by: F.otherGridWorker)
        var blank = F.acceptance
        blank.category = "   "
        expectInvalid(F.reported(), .accept(blank), by: F.intakeOperator, fields: ["category"])
        blank.category = String(repeating: "类", count: 41)
        expectInvalid(F.reported(), .accept(blank), by: F.intakeOperator, fields: ["category"], code: "too_long")
    }

    func testAcceptingADispatchedCaseNamesTheStateInChinese() {
        expectConflict(F.dispatched(), .accept(F.acceptance), by: F.intakeOperator, code: "invalid_transition",
                       message: "案件当前为“已派遣”,不能立案")
    }

    func testRejectNeedsAReasonAndCentreStaff() {
        let after = expectEvents(F.reported(), .reject(reason: "不属于受理范围", noticeChannel: .sms), by: F.intakeOperator,
                                 types: ["rejected"])
        XCTAssertEqual(after.state, .rejected)
        expectInvalid(F.reported(), .reject(reason: " ", noticeChannel: .sms), by: F.intakeOperator, fields: ["reason"])
        expectForbidden(F.reported(), .reject(reason: "重复", noticeChannel: .sms), by: F.gridLeader)
        expectInvalidTransition(F.accepted(), .reject(reason: "重复", noticeChannel: .sms), by: F.intakeOperator)
        // Rejected is terminal.
        expectInvalidTransition(after, .accept(F.acceptance), by: F.intakeOperator)
        expectInvalidTransition(after, .withdraw(reason: "不需要了"), by: F.requester)
    }

    func testMergeKeepsThePreviousStateAndSplitRestoresIt() {
        let merged = expectEvents(F.accepted(tier: .village), .merge(into: 42), by: F.dispatcher, types: ["merged"])
        XCTAssertEqual(merged.state, .merged)
        XCTAssertEqual(merged.mergedInto, 42)
        let split = expectEvents(merged, .split, by: F.intakeOperator, types: ["split"])
        XCTAssertEqual(split.state, .accepted)
        XCTAssertEqual(split.tier, .village)
        XCTAssertNil(split.mergedInto)
        let fromReported = expectEvents(F.reported(), .merge(into: 7), by: F.intakeOperator, types: ["merged"])
        XCTAssertEqual(expectEvents(fromReported, .split, by: F.dispatcher, types: ["split"]).state, .reported)
    }

    func testMergeAndSplitRefusals() {
        expectInvalid(F.reported(), .merge(into: 0), by: F.intakeOperator, fields: ["into"], code: "invalid_format")
        expectForbidden(F.reported(), .merge(into: 7), by: F.gridWorker)
        expectInvalidTransition(F.dispatched(), .merge(into: 7), by: F.dispatcher)
        expectInvalidTransition(F.reported(), .split, by: F.dispatcher)
        let merged = F.step(F.reported(), .merge(into: 7), by: F.intakeOperator, at: F.hours(1))
        expectForbidden(merged, .split, by: F.gridLeader)
        expectInvalidTransition(merged, .accept(F.acceptance), by: F.intakeOperator)
        expectInvalidTransition(merged, .withdraw(reason: "不需要了"), by: F.requester)
    }

    func testGridWorkerResolvesOnSiteWithEvidence() {
        let after = expectEvents(F.accepted(), .resolveOnSite(result: "当场调解,双方和解", evidence: ["photo-1", " "]),
                                 by: F.gridWorker, types: ["resolved_on_site"])
        XCTAssertEqual(after.state, .handled)
        XCTAssertEqual(after.result, "当场调解,双方和解")
        XCTAssertTrue(after.parts.isEmpty)
        expectEvents(F.accepted(), .resolveOnSite(result: "已化解", evidence: ["sig-1"]), by: F.gridLeader,
                     types: ["resolved_on_site"])
    }

    func testAGridWorkerAcceptsOnlyWhatWasReportedFromTheGrid() {
        let fromGrid = CaseSnapshot(reported: CaseEvent.reported(
            kind: .safetyHazard, channel: .gridWorker, areaCode: AreaCode(F.village)!, gridCode: AreaCode(F.grid),
            trackingCode: F.code, by: F.gridWorker, at: F.t0))!
        let accepted = expectEvents(fromGrid, .accept(F.acceptance), by: F.gridWorker, types: ["accepted"])
        expectEvents(accepted, .resolveOnSite(result: "已当场清理", evidence: ["attachment:1"]), by: F.gridWorker,
                     types: ["resolved_on_site"])
        expectNotFound(fromGrid, .accept(F.acceptance), by: F.otherGridWorker)
        expectForbidden(fromGrid, .accept(F.acceptance), by: F.staff(.gridWorker, at: F.township, id: 20))
        expectNotFound(fromGrid, .accept(F.acceptance), by: F.leadHandler)
        expectForbidden(F.reported(), .accept(F.acceptance), by: F.gridWorker)
    }

    func testOnSiteResolutionRefusals() {
        let command = CaseCommand.resolveOnSite(result: "已化解", evidence: ["photo-1"])
        expectInvalid(F.accepted(), .resolveOnSite(result: "", evidence: []), by: F.gridWorker, fields: ["result", "evidence"])
        expectNotFound(F.accepted(), command, by: F.otherGridWorker)
        expectForbidden(F.accepted(), command, by: F.countyDispatcher)
        expectNotFound(F.accepted(), command, by: F.leadHandler)
        expectForbidden(F.accepted(grid: nil), command, by: F.gridLeader)
        // Once the case is at the village tier the grid worker no longer resolves it; the grid leader may.
        let village = F.accepted(tier: .village)
        expectConflict(village, command, by: F.gridWorker, code: "tier_above_actor")
        expectEvents(village, command, by: F.gridLeader, types: ["resolved_on_site"])
        expectInvalidTransition(F.reported(), command, by: F.gridWorker)
        expectInvalidTransition(F.dispatched(), command, by: F.gridWorker)
    }

    func testRequesterWithdrawsWithTheTrackingCode() {
        for snapshot in [F.reported(), F.accepted(), F.dispatched(), F.inProgress(), F.handled(), F.verified()] {
            let after = expectEvents(snapshot, .withdraw(reason: "已自行协商解决"), by: F.requester, types: ["withdrawn"])
            XCTAssertEqual(after.state, .withdrawn)
            expectInvalidTransition(after, .withdraw(reason: "再次撤回"), by: F.requester)
        }
        expectEvents(F.accepted(), .withdraw(reason: "来电要求撤回"), by: F.intakeOperator, types: ["withdrawn"])
    }

    func testWithdrawRefusals() {
        expectNotFound(F.accepted(), .withdraw(reason: "撤回"), by: .requester(F.otherCode))
        expectInvalid(F.accepted(), .withdraw(reason: "\n"), by: F.requester, fields: ["reason"])
        expectForbidden(F.accepted(), .withdraw(reason: "撤回"), by: F.gridWorker)
        expectForbidden(F.dispatched(), .withdraw(reason: "撤回"), by: F.leadHandler)
        expectInvalidTransition(F.closed(), .withdraw(reason: "撤回"), by: F.requester)
        // A case reported without a tracking code has no requester who could withdraw it.
        let anonymous = CaseSnapshot(reported: CaseEvent.reported(
            kind: .dispute, channel: .phone, areaCode: AreaCode(F.village)!, gridCode: nil, trackingCode: nil, by: F.system,
            at: F.t0))!
        expectNotFound(anonymous, .withdraw(reason: "撤回"), by: F.requester)
    }
}
