import Foundation

/// One row of `notification_outbox`.
public struct NotificationRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var dedupeKey: String
    public var channel: String
    public var recipient: String
    public var caseId: Int64?
    public var payload: String
    public var createdAt: Int64
    public var sentAt: Int64?
    public var attempts: Int
}
