import FengqiaoStore
import Foundation

/// Delivers to the in-app inbox: one `inbox_messages` row per person. Writing it again for the same
/// outbox row and person changes nothing, so a retry never doubles a message.
public struct InboxAdapter: NotificationAdapter {
    public let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public var name: String { "站内消息" }

    public func deliver(_ message: OutboxMessage, to recipient: NotificationRecipient) async throws -> DeliveryOutcome {
        let record = InboxMessageRecord(
            accountId: recipient.accountID, outboxId: message.id, caseId: message.caseId, kind: message.kind.rawValue,
            title: message.title, body: message.body, createdAt: platform.clock.now().millisecondsSince1970)
        try await platform.database.write { try await InboxRepository($0).insert(record) }
        return .delivered
    }
}
