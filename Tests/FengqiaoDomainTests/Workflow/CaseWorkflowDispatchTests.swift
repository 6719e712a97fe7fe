import FengqiaoDomain
import Foundation
import XCTest

/// dispatch, sign-for per department, return inside the window and the centre's ruling.
final class CaseWorkflowDispatchTests: XCTestCase {
    typealias F = WorkflowFixture

    func testDispatchSendsLeadAndAssistingParts() {
        let order = F.order(at: F.hours(2))
        let after = expectEvents(F.accepted(), .dispatch(order), by: F.dispatcher, types: ["dispatched"])
        XCTAssertEqual(after.state, .dispatched)
        XCTAssertEqual(after.parts, [DepartmentPart(department: F.leadDepartment, role: .lead),
                                     DepartmentPart(department: F.assistingDepartment, role: .assisting)])
        XCTAssertEqual(after.deadline, order.deadline)
        XCTAssertEqual(after.returnWindowEnds, order.returnWindowEnds)
    }

    func testDispatchRefusals() {
        let order = F.order(at: F.hours(2))
        expectForbidden(F.accepted(), .dispatch(order), by: F.intakeOperator)
        expectForbidden(F.accepted(), .dispatch(order), by: F.gridLeader)
        expectForbidden(F.accepted(), .dispatch(order), by: F.leadHandler.inCentre)
        expectNotFound(F.accepted(), .dispatch(order), by: F.otherTownshipDispatcher)
        // A village centre cannot dispatch a case that is at the township tier.
        expectEvents(F.accepted(tier: .village), .dispatch(order), by: F.villageDispatcher, types: ["dispatched"])
        expectConflict(F.accepted(tier: .township), .dispatch(order), by: F.villageDispatcher, code: "tier_above_actor")
        expectInvalidTransition(F.reported(), .dispatch(order), by: F.dispatcher)
        expectInvalidTransition(F.dispatched(), .dispatch(order), by: F.dispatcher)
    }

    func testDispatchValidation() {
        var order = F.order(at: F.hours(2))
        order.assisting = [F.leadDepartment]
        expectInvalid(F.accepted(), .dispatch(order), by: F.dispatcher, fields: ["assisting"], code: "invalid_choice")
        order.assisting = [F.assistingDepartment, F.assistingDepartment]
        expectInvalid(F.accepted(), .dispatch(order), by: F.dispatcher, fields: ["assisting"], code: "invalid_choice")
        order = F.order(at: F.hours(2))
        order.deadline = F.hours(1)
        order.returnWindowEnds = F.hours(2)
        expectInvalid(F.accepted(), .dispatch(order), by: F.dispatcher, fields: ["deadline", "returnWindowEnds"],
                      code: "not_in_future")
        order = F.order(at: F.hours(2))
        order.lead = 0
        expectInvalid(F.accepted(), .dispatch(order), by: F.dispatcher, fields: ["lead"])
        // A deadline other than the preset's needs a reason.
        order = F.order(at: F.hours(2))
        order.presetDeadline = order.deadline.addingTimeInterval(24 * 3600)
        expectInvalid(F.accepted(), .dispatch(order), by: F.dispatcher, fields: ["overrideReason"])
        order.overrideReason = "  事态紧急,压缩时限 "
        let after = expectEvents(F.accepted(), .dispatch(order), by: F.dispatcher, types: ["dispatched"])
        XCTAssertEqual(after.deadline, order.deadline)
        order.presetDeadline = order.deadline
        order.overrideReason = nil
        expectEvents(F.accepted(), .dispatch(order), by: F.dispatcher, types: ["dispatched"])
    }

    func testLeadSignsForAndTheCaseIsInProgressAssistingSignsItsOwnPart() {
        let assisted = expectEvents(F.dispatched(), .signFor, by: F.assistingHandler, types: ["signed_for"])
        XCTAssertEqual(assisted.state, .dispatched)
        XCTAssertEqual(assisted.part(of: F.assistingDepartment)?.status, .signed)
        XCTAssertEqual(assisted.lead?.status, .dispatched)
        let led = expectEvents(assisted, .signFor, by: F.leadHandler, types: ["signed_for"])
        XCTAssertEqual(led.state, .inProgress)
        XCTAssertEqual(led.lead?.status, .signed)
        XCTAssertEqual(led.lead?.signedAt, F.hours(2))
        // The assisting department may also sign after the lead.
        let late = expectEvents(F.inProgress(), .signFor, by: F.assistingHandler, types: ["signed_for"])
        XCTAssertEqual(late.part(of: F.assistingDepartment)?.status, .signed)
    }

    func testSignForRefusals() {
        expectNotFound(F.dispatched(), .signFor, by: F.otherHandler)
        expectForbidden(F.dispatched(), .signFor, by: F.dispatcher)
        expectForbidden(F.dispatched(), .signFor, by: F.requester)
        expectConflict(F.inProgress(), .signFor, by: F.leadHandler, code: "already_signed")
        // Returned, the case is accepted again: the lead department still sees it but cannot sign.
        let returned = F.step(F.dispatched(), .returnCase(reason: "不属于本部门"), by: F.leadHandler, at: F.hours(2))
        expectInvalidTransition(returned, .signFor, by: F.leadHandler)
        expectNotFound(F.accepted(), .signFor, by: F.leadHandler)
        expectInvalidTransition(F.handled(), .signFor, by: F.leadHandler)
    }

    func testReturnInsideTheWindowAndReassign() {
        let returned = expectEvents(F.dispatched(), .returnCase(reason: "不属于本部门职责"), by: F.leadHandler,
                                    types: ["returned"])
        XCTAssertEqual(returned.state, .accepted)
        XCTAssertTrue(returned.returned)
        XCTAssertEqual(returned.returnCount, 1)
        // While the return awaits a ruling, plain dispatch is refused.
        expectConflict(returned, .dispatch(F.order(at: F.hours(2))), by: F.dispatcher, code: "return_pending")
        let reassigned = expectEvents(
            returned, .ruleOnReturn(.reassign(F.order(lead: F.otherDepartment, assisting: [], at: F.hours(2)))),
            by: F.dispatcher, types: ["reassigned"])
        XCTAssertEqual(reassigned.state, .dispatched)
        XCTAssertEqual(reassigned.lead?.department, F.otherDepartment)
        XCTAssertFalse(reassigned.returned)
        XCTAssertFalse(reassigned.returnUpheld)
        // The former lead no longer has a part and no longer sees the case; the new lead may return it.
        expectNotFound(reassigned, .signFor, by: F.leadHandler)
        expectEvents(reassigned, .returnCase(reason: "也不属于本部门"), by: F.otherHandler, at: F.hours(3), types: ["returned"])
    }

    func testUpheldReturnGoesBackToTheSameDepartmentWhichCannotReturnAgain() {
        let returned = F.step(F.dispatched(), .returnCase(reason: "不属于本部门职责"), by: F.leadHandler, at: F.hours(2))
        let upheld = expectEvents(returned, .ruleOnReturn(.uphold), by: F.countyDispatcher, at: F.hours(2.5),
                                  types: ["return_upheld"])
        XCTAssertEqual(upheld.state, .dispatched)
        XCTAssertTrue(upheld.returnUpheld)
        XCTAssertEqual(upheld.lead?.department, F.leadDepartment)
        XCTAssertEqual(upheld.lead?.status, .dispatched)
        expectConflict(upheld, .returnCase(reason: "仍不属于本部门"), by: F.leadHandler, at: F.hours(2.6),
                       code: "return_upheld", message: "本案的退回申请已被驳回,不能再次退回")
        XCTAssertEqual(expectEvents(upheld, .signFor, by: F.leadHandler, at: F.hours(3), types: ["signed_for"]).state,
                       .inProgress)
    }

    func testReturnRefusals() {
        expectConflict(F.dispatched(), .returnCase(reason: "不属于本部门"), by: F.leadHandler, at: F.hours(3.5),
                       code: "return_window_passed")
        expectForbidden(F.dispatched(), .returnCase(reason: "不属于本部门"), by: F.assistingHandler)
        expectForbidden(F.dispatched(), .returnCase(reason: "不属于本部门"), by: F.dispatcher)
        expectNotFound(F.dispatched(), .returnCase(reason: "不属于本部门"), by: F.otherHandler)
        expectInvalid(F.dispatched(), .returnCase(reason: ""), by: F.leadHandler, fields: ["reason"])
        expectInvalidTransition(F.inProgress(), .returnCase(reason: "不属于本部门"), by: F.leadHandler)
    }

    func testRulingRefusals() {
        let returned = F.step(F.dispatched(), .returnCase(reason: "不属于本部门职责"), by: F.leadHandler, at: F.hours(2))
        expectConflict(F.accepted(), .ruleOnReturn(.uphold), by: F.dispatcher, code: "not_returned")
        expectForbidden(returned, .ruleOnReturn(.uphold), by: F.intakeOperator)
        expectForbidden(returned, .ruleOnReturn(.uphold), by: F.leadHandler)
        var order = F.order(lead: F.otherDepartment, assisting: [F.otherDepartment], at: F.hours(2))
        expectInvalid(returned, .ruleOnReturn(.reassign(order)), by: F.dispatcher, fields: ["assisting"], code: "invalid_choice")
        order.assisting = []
        expectInvalidTransition(F.dispatched(), .ruleOnReturn(.reassign(order)), by: F.dispatcher)
    }
}

extension CaseActor {
    /// The same person without a department: still not a dispatcher.
    var inCentre: CaseActor {
        guard case .staff(let staff) = self else { return self }
        return .staff(Staff(accountID: staff.accountID, username: staff.username, displayName: staff.displayName,
                            role: staff.role, jurisdiction: staff.jurisdiction))
    }
}
