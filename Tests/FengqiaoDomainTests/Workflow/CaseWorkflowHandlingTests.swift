import FengqiaoDomain
import Foundation
import XCTest

/// Extensions, progress notes and feedback with assisting parts.
final class CaseWorkflowHandlingTests: XCTestCase {
    typealias F = WorkflowFixture

    func testExtensionRequestApproveAndDeny() {
        let request = CaseCommand.requestExtension(until: F.hours(120), reason: "需等待鉴定结果")
        let pending = expectEvents(F.inProgress(), request, by: F.leadHandler, types: ["extension_requested"])
        XCTAssertEqual(pending.pendingExtension, PendingExtension(until: F.hours(120), reason: "需等待鉴定结果",
                                                                  requestedAt: F.hours(2)))
        expectConflict(pending, request, by: F.leadHandler, code: "extension_pending")
        let approved = expectEvents(pending, .approveExtension, by: F.dispatcher, types: ["extension_approved"])
        XCTAssertEqual(approved.deadline, F.hours(120))
        XCTAssertNil(approved.pendingExtension)
        let denied = expectEvents(pending, .denyExtension(reason: "理由不充分"), by: F.countyDispatcher,
                                  types: ["extension_denied"])
        XCTAssertEqual(denied.deadline, F.hours(73))
        XCTAssertNil(denied.pendingExtension)
    }

    func testExtensionRefusals() {
        let request = CaseCommand.requestExtension(until: F.hours(120), reason: "需等待鉴定结果")
        expectForbidden(F.inProgress(), request, by: F.assistingHandler)
        expectForbidden(F.inProgress(), request, by: F.dispatcher)
        expectInvalid(F.inProgress(), .requestExtension(until: F.hours(50), reason: "延期"), by: F.leadHandler,
                      fields: ["until"], code: "not_later")
        expectInvalid(F.inProgress(), .requestExtension(until: F.hours(120), reason: ""), by: F.leadHandler,
                      fields: ["reason"])
        expectInvalidTransition(F.dispatched(), request, by: F.leadHandler)
        expectConflict(F.inProgress(), .approveExtension, by: F.dispatcher, code: "no_extension_pending")
        let pending = F.step(F.inProgress(), request, by: F.leadHandler, at: F.hours(2))
        expectForbidden(pending, .approveExtension, by: F.leadHandler)
        let township = F.step(F.inProgress(tier: .township), request, by: F.leadHandler, at: F.hours(2))
        expectConflict(township, .approveExtension, by: F.villageDispatcher, code: "tier_above_actor")
        expectEvents(township, .approveExtension, by: F.dispatcher, types: ["extension_approved"])
        expectInvalid(pending, .denyExtension(reason: " "), by: F.dispatcher, fields: ["reason"])
    }

    func testProgressNotes() {
        expectEvents(F.inProgress(), .addProgress(note: "已约谈双方", isPublic: true), by: F.leadHandler,
                     types: ["progress_added"])
        expectEvents(F.inProgress(), .addProgress(note: "协办部门已到现场", isPublic: false), by: F.assistingHandler,
                     types: ["progress_added"])
        expectInvalid(F.inProgress(), .addProgress(note: "", isPublic: true), by: F.leadHandler, fields: ["note"])
        expectForbidden(F.inProgress(), .addProgress(note: "进展", isPublic: true), by: F.intakeOperator)
        expectNotFound(F.inProgress(), .addProgress(note: "进展", isPublic: true), by: F.otherHandler)
        expectInvalidTransition(F.dispatched(), .addProgress(note: "进展", isPublic: true), by: F.leadHandler)
    }

    func testLeadFeedbackWaitsForAssistingParts() {
        let feedback = CaseCommand.feedback(result: "已整改到位", evidence: ["photo-9"], waivedAssisting: [])
        let open = F.inProgress()
        expectConflict(open, feedback, by: F.leadHandler, code: "assisting_open")
        // The assisting department must sign before it reports its part done.
        expectConflict(open, .feedback(result: "协办完成", evidence: [], waivedAssisting: []), by: F.assistingHandler,
                       code: "not_signed")
        let signed = F.step(open, .signFor, by: F.assistingHandler, at: F.hours(2))
        let done = expectEvents(signed, .feedback(result: "协办完成", evidence: [], waivedAssisting: []),
                                by: F.assistingHandler, types: ["part_completed"])
        XCTAssertEqual(done.part(of: F.assistingDepartment)?.status, .done)
        XCTAssertEqual(done.state, .inProgress)
        expectConflict(done, .feedback(result: "再次", evidence: [], waivedAssisting: []), by: F.assistingHandler,
                       code: "part_settled")
        let handled = expectEvents(done, feedback, by: F.leadHandler, types: ["feedback_given"])
        XCTAssertEqual(handled.state, .handled)
        XCTAssertEqual(handled.result, "已整改到位")
        XCTAssertEqual(handled.lead?.status, .done)
    }

    func testLeadMayWaiveAnAssistingPart() {
        let command = CaseCommand.feedback(result: "主办部门已办结", evidence: [], waivedAssisting: [F.assistingDepartment])
        let handled = expectEvents(F.inProgress(), command, by: F.leadHandler, types: ["feedback_given"])
        XCTAssertEqual(handled.part(of: F.assistingDepartment)?.status, .waived)
        expectInvalid(F.inProgress(), .feedback(result: "办结", evidence: [], waivedAssisting: [F.otherDepartment]),
                      by: F.leadHandler, fields: ["waivedAssisting"], code: "invalid_choice")
    }

    func testFeedbackRefusals() {
        let feedback = CaseCommand.feedback(result: "办结", evidence: [], waivedAssisting: [])
        let solo = F.inProgress(assisting: [])
        expectInvalid(solo, .feedback(result: " ", evidence: [], waivedAssisting: []), by: F.leadHandler, fields: ["result"])
        expectInvalid(solo, .feedback(result: "办结", evidence: Array(repeating: "f", count: 21), waivedAssisting: []),
                      by: F.leadHandler, fields: ["evidence"], code: "too_many")
        expectForbidden(solo, feedback, by: F.dispatcher)
        expectForbidden(solo, feedback, by: F.gridWorker)
        expectNotFound(solo, feedback, by: F.otherHandler)
        expectInvalidTransition(F.dispatched(assisting: []), feedback, by: F.leadHandler)
        expectInvalidTransition(F.handled(), feedback, by: F.leadHandler)
    }
}
