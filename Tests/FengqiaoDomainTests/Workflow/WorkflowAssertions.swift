import FengqiaoDomain
import Foundation
import XCTest

/// Helpers for the workflow's XCTest cases: decide, and check the events or the refusal.
extension XCTestCase {
    /// The snapshot after `command`, which must be accepted; `types` are the event codes expected.
    @discardableResult
    func expectEvents(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date = WorkflowFixture.hours(2),
        policy: CasePolicy = CasePolicy(), types: [String], file: StaticString = #filePath, line: UInt = #line
    ) -> CaseSnapshot {
        switch CaseWorkflow.decide(snapshot, command, by: actor, at: now, policy: policy) {
        case .success(let events):
            XCTAssertEqual(events.map(\.type), types, file: file, line: line)
            XCTAssertTrue(events.allSatisfy { $0.at == now && $0.actor == CaseEventActor(actor) }, file: file, line: line)
            let after = snapshot.applying(events)
            XCTAssertEqual(after.version, snapshot.version + events.count, file: file, line: line)
            return after
        case .failure(let error):
            XCTFail("refused: \(error.code) \(error.message)", file: file, line: line)
            return snapshot
        }
    }

    /// The refusal of `command`, which must be refused.
    @discardableResult
    func expectRefusal(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date = WorkflowFixture.hours(2),
        policy: CasePolicy = CasePolicy(), file: StaticString = #filePath, line: UInt = #line
    ) -> DomainError? {
        switch CaseWorkflow.decide(snapshot, command, by: actor, at: now, policy: policy) {
        case .success(let events):
            XCTFail("accepted with \(events.map(\.type))", file: file, line: line)
            return nil
        case .failure(let error):
            return error
        }
    }

    func expectConflict(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date = WorkflowFixture.hours(2),
        policy: CasePolicy = CasePolicy(), code: String, message: String? = nil, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let error = expectRefusal(snapshot, command, by: actor, at: now, policy: policy, file: file, line: line)
        guard case .conflict(let actual, let text) = error else {
            return XCTFail("expected conflict \(code), got \(String(describing: error))", file: file, line: line)
        }
        XCTAssertEqual(actual, code, text, file: file, line: line)
        if let message { XCTAssertEqual(text, message, file: file, line: line) }
    }

    func expectForbidden(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date = WorkflowFixture.hours(2),
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let error = expectRefusal(snapshot, command, by: actor, at: now, file: file, line: line)
        guard case .forbidden = error else {
            return XCTFail("expected forbidden, got \(String(describing: error))", file: file, line: line)
        }
    }

    func expectNotFound(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date = WorkflowFixture.hours(2),
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let error = expectRefusal(snapshot, command, by: actor, at: now, file: file, line: line)
        XCTAssertEqual(error, .notFound(what: "案件"), file: file, line: line)
    }

    /// A validation refusal naming exactly `fields` (in order) with `code` for each.
    func expectInvalid(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date = WorkflowFixture.hours(2),
        fields: [String], code: String = "required", file: StaticString = #filePath, line: UInt = #line
    ) {
        let error = expectRefusal(snapshot, command, by: actor, at: now, file: file, line: line)
        guard case .validation(let errors) = error else {
            return XCTFail("expected validation, got \(String(describing: error))", file: file, line: line)
        }
        XCTAssertEqual(errors.map(\.field), fields, file: file, line: line)
        XCTAssertTrue(errors.allSatisfy { $0.code == code }, "\(errors)", file: file, line: line)
        XCTAssertTrue(errors.allSatisfy { $0.message.unicodeScalars.contains { $0.value > 0x4E00 } }, file: file, line: line)
    }

    func expectInvalidTransition(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date = WorkflowFixture.hours(2),
        file: StaticString = #filePath, line: UInt = #line
    ) {
        expectConflict(snapshot, command, by: actor, at: now, code: "invalid_transition",
                       message: "案件当前为“\(snapshot.state.chineseName)”,不能\(command.name.chineseName)", file: file, line: line)
    }
}
