import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Answers "where is my case?" for a tracking code (一案一码), without an account.
public struct CaseTracking: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public func status(trackingCode text: String) async throws -> PublicCaseStatus {
        guard let code = TrackingCode(text) else {
            throw DomainError.validation([.invalid("trackingCode", label: "查询码")])
        }
        let found = try await platform.database.read { db -> (CaseRecord, [CaseEventRecord])? in
            let cases = CaseRepository(db)
            guard let record = try await cases.find(trackingCode: code.rawValue), let id = record.id else { return nil }
            return (record, try await cases.events(caseId: id))
        }
        guard let (record, events) = found else { throw DomainError.notFound(what: "该查询码对应的案件") }
        let state = CaseState(rawValue: record.state) ?? .reported
        var steps: [PublicCaseStatus.Step] = []
        var replies: [PublicCaseStatus.Reply] = []
        var satisfaction: Satisfaction?
        for row in events {
            if let event = CaseEventCodec.event(row) {
                if let text = CaseEventLabel.publicNote(event.payload), let label = Self.replyLabel(event.payload) {
                    replies.append(.init(at: event.at, label: label, text: text))
                }
                if case .revisited(let rating, _, _) = event.payload { satisfaction = rating }
            }
            guard let to = CaseState(rawValue: row.toState), steps.last?.state != to else { continue }
            steps.append(.init(at: Date(millisecondsSince1970: row.at), state: to, stateName: to.chineseName))
        }
        return PublicCaseStatus(
            number: record.number, trackingCode: code.description,
            kindName: CaseKind(rawValue: record.kind)?.chineseName ?? record.kind, category: record.category,
            state: state, stateName: state.chineseName, reportedAt: Date(millisecondsSince1970: record.reportedAt),
            updatedAt: Date(millisecondsSince1970: record.updatedAt), steps: steps, replies: replies,
            satisfaction: satisfaction, canRate: state == .closed
        )
    }

    /// The heading of an event the requester hears of; nil for the rating itself (shown apart).
    static func replyLabel(_ payload: CaseEvent.Payload) -> String? {
        switch payload {
        case .revisited: nil
        default: CaseEventLabel.label(payload)
        }
    }
}
