import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The status going back to the hotline. When a case that came from a hotline import changes state,
/// its work order's status (state, result or reply, when it was finished, satisfaction) is updated and a
/// `webhook` message is queued in the outbox, in the transaction that commits the case's events. The
/// dispatcher's webhook adapter posts it, signed, to the hotline platform's configured URL; without one
/// the rows end `skipped` and the export file is the way back.
enum HotlineStatusFeed {
    /// The outbox recipient of the hotline platform's webhook.
    static let recipient = "webhook:hotline12345"

    /// Records the move of case `caseId` (filed as `record`) from `before` to `after` at `now`; nothing
    /// unless the state changed on a case of the 12345 channel that an import created.
    static func caseMoved(
        caseId: Int64, record: CaseRecord, from before: CaseSnapshot, to after: CaseSnapshot, at now: Date,
        in db: any SQLDatabase
    ) async throws {
        guard after.state != before.state, record.channel == Channel.hotline12345.rawValue else { return }
        let repository = HotlineRepository(db)
        guard let order = try await repository.workOrder(caseId: caseId) else { return }
        let at = now.millisecondsSince1970
        let finishedAt: Int64? = after.state.isOpen ? nil : (before.state.isOpen ? at : order.finishedAt ?? at)
        let result = after.reply ?? after.result
        try await repository.setStatus(caseId: caseId, state: after.state.rawValue, result: result, finishedAt: finishedAt,
                                       satisfaction: after.satisfaction?.rawValue, at: at)
        let message = HotlineStatusMessage(
            event: "case.status_changed", workOrderNumber: order.workOrderNumber, caseNumber: record.number,
            state: after.state.rawValue, stateName: after.state.chineseName, previousState: before.state.rawValue,
            result: result, finishedAt: finishedAt.map { HotlineStatusMessage.time(Date(millisecondsSince1970: $0)) },
            satisfaction: after.satisfaction?.rawValue, satisfactionName: after.satisfaction?.chineseName,
            changedAt: HotlineStatusMessage.time(now), version: after.version)
        try await NotificationOutboxRepository(db).enqueue(
            dedupeKey: "hotline:\(caseId):v\(after.version)", channel: NotificationChannel.webhook.rawValue,
            recipient: recipient, caseId: caseId, payload: try message.json(), at: at)
    }
}
