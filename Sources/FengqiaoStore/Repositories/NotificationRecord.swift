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
    /// `pending`, `sent`, `failed` or `skipped` (M007).
    public var state: String?
    /// When a pending row may be tried (again).
    public var nextAttemptAt: Int64?
    public var lastError: String?
    public var finishedAt: Int64?
    /// The area the row concerns, once the dispatcher has looked at it.
    public var areaCode: String?
}
