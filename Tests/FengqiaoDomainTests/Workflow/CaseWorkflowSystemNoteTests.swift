import FengqiaoDomain
import Foundation
import XCTest

/// The platform's own progress notes (a repeated camera alert): any open state, nothing moves, never on
/// a finished case.
final class CaseWorkflowSystemNoteTests: XCTestCase {
    typealias F = WorkflowFixture

    func testANoteOnAnOpenCaseMovesNothing() throws {
        for snapshot in [F.reported(), F.accepted(), F.dispatched(), F.inProgress(), F.handled(), F.verified()] {
            let events = try CaseWorkflow.systemNote(snapshot, note: " 再次识别到浓烟 ", job: "token:视频平台", at: F.hours(9))
            XCTAssertEqual(events.count, 1)
            XCTAssertEqual(events.first?.payload, .progressAdded(note: "再次识别到浓烟", isPublic: false))
            XCTAssertEqual(events.first?.actor, CaseEventActor(kind: .system, name: "token:视频平台"))
            let after = snapshot.applying(events)
            XCTAssertEqual(after.state, snapshot.state, "\(snapshot.state)")
            XCTAssertEqual(after.version, snapshot.version + 1)
        }
    }

    func testAFinishedCaseOrAnEmptyNoteIsRefused() {
        XCTAssertThrowsError(try CaseWorkflow.systemNote(F.closed(), note: "再次识别", job: "x", at: F.hours(9))) { error in
            XCTAssertEqual((error as? DomainError)?.code, "case_finished")
        }
        XCTAssertThrowsError(try CaseWorkflow.systemNote(F.reported(), note: "  ", job: "x", at: F.hours(9))) { error in
            guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(fields.map(\.field), ["note"])
        }
    }
}
