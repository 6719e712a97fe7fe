import Foundation

/// A row of the notification outbox as administrators see it.
public struct OutboxItem: Sendable, Codable, Equatable {
    public var id: Int64
    public var channel: String
    public var channelName: String
    public var recipient: String
    public var title: String
    /// `pending`, `sent`, `failed` or `skipped`.
    public var state: String
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    /// When a pending row is tried next.
    public var nextAttemptAt: Date?
    /// When it was sent, failed or skipped.
    public var finishedAt: Date?
    /// Whether an administrator may queue it again now.
    public var retryable: Bool
}
