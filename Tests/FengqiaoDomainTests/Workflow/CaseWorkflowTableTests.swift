import FengqiaoDomain
import Foundation
import XCTest

/// The transition table against the reference, the refusal message, and the stored event format.
final class CaseWorkflowTableTests: XCTestCase {
    typealias F = WorkflowFixture

    func testEveryCommandKindHasASample() {
        XCTAssertEqual(Set(WorkflowSamples.commands.map(\.name)), Set(CaseCommand.Name.allCases))
    }

    func testTheTableMatchesTheReferenceFromColumn() {
        let table = Dictionary(uniqueKeysWithValues: CaseState.allCases.map { ($0, CaseTransitionTable.commands(allowedIn: $0)) })
        func states(_ name: CaseCommand.Name) -> Set<CaseState> { Set(CaseState.allCases.filter { table[$0]?.contains(name) == true }) }
        let open: Set<CaseState> = [.reported, .accepted, .dispatched, .inProgress, .handled, .verified]
        XCTAssertEqual(states(.accept), [.reported])
        XCTAssertEqual(states(.reject), [.reported])
        XCTAssertEqual(states(.merge), [.reported, .accepted])
        XCTAssertEqual(states(.split), [.merged])
        XCTAssertEqual(states(.resolveOnSite), [.accepted])
        XCTAssertEqual(states(.dispatch), [.accepted])
        XCTAssertEqual(states(.signFor), [.dispatched, .inProgress])
        XCTAssertEqual(states(.returnCase), [.dispatched])
        XCTAssertEqual(states(.ruleOnReturn), [.accepted])
        XCTAssertEqual(states(.escalate), [.accepted, .inProgress])
        XCTAssertEqual(states(.recordAttempt), [.accepted, .inProgress])
        XCTAssertEqual(states(.whistle), [.accepted, .inProgress])
        XCTAssertEqual(states(.checkIn), open)
        XCTAssertEqual(states(.requestExtension), [.inProgress])
        XCTAssertEqual(states(.approveExtension), [.inProgress])
        XCTAssertEqual(states(.denyExtension), [.inProgress])
        XCTAssertEqual(states(.addProgress), [.accepted, .inProgress])
        XCTAssertEqual(states(.feedback), [.inProgress])
        XCTAssertEqual(states(.verify), [.handled])
        XCTAssertEqual(states(.close), [.verified])
        XCTAssertEqual(states(.revisit), [.closed])
        XCTAssertEqual(states(.supervise), open)
        XCTAssertEqual(states(.respondToSupervision), open.union([.closed]))
        XCTAssertEqual(states(.withdraw), open)
        XCTAssertEqual(states(.archive), [.closed])
        for terminal in [CaseState.archived, .rejected, .withdrawn] { XCTAssertEqual(table[terminal], []) }
    }

    /// In every state, a command the table does not list is refused with the state named, whoever asks.
    func testCommandsOutsideTheTableAreRefusedWithTheStateInChinese() {
        for state in CaseState.allCases {
            var snapshot = F.reported()
            snapshot.state = state
            for command in WorkflowSamples.commands where !CaseTransitionTable.allows(command.name, in: state) {
                for actor in [F.dispatcher, F.leadHandler, F.requester, F.system, F.countyLeader] {
                    let result = CaseWorkflow.decide(snapshot, command, by: actor, at: F.hours(2))
                    guard case .failure(let error) = result else { return XCTFail("\(state) \(command.name) accepted") }
                    if actor == F.leadHandler {
                        // The lead department has no part in a case only reported: it does not see it.
                        XCTAssertEqual(error, .notFound(what: "案件"))
                        continue
                    }
                    XCTAssertEqual(error, .conflict(code: "invalid_transition",
                                                    message: "案件当前为“\(state.chineseName)”,不能\(command.name.chineseName)"))
                }
            }
        }
    }

    func testEventTypeCodesAreStable() {
        XCTAssertEqual(CaseEvent.Payload.allTypes, [
            "reported", "accepted", "rejected", "merged", "split", "resolved_on_site", "dispatched", "signed_for",
            "returned", "return_upheld", "reassigned", "escalated", "attempt_recorded", "whistled", "checked_in",
            "extension_requested", "extension_approved", "extension_denied", "progress_added", "part_completed",
            "feedback_given", "verified", "verification_failed", "closed", "revisited", "supervised",
            "supervision_answered", "withdrawn", "archived",
        ])
    }

    /// Every kind of event, produced by the workflow, encodes under its type code and decodes to itself.
    func testEventsRoundTripThroughJSONUnderTheirTypeCode() throws {
        let events = WorkflowHistories.everyEventType()
        XCTAssertEqual(Set(events.map(\.type)), Set(CaseEvent.Payload.allTypes))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for event in events {
            let data = try encoder.encode(event.payload)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(Array(object.keys), [event.type])
            XCTAssertEqual(try JSONDecoder().decode(CaseEvent.Payload.self, from: data), event.payload)
            XCTAssertEqual(try JSONDecoder().decode(CaseEvent.self, from: encoder.encode(event)), event)
        }
    }
}
