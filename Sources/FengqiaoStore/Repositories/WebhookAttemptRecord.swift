import Foundation

/// One row of `webhook_attempts` (M024): one POST to a subscriber and what came of it.
public struct WebhookAttemptRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var subscriptionId: Int64
    public var outboxId: Int64
    /// The receiver's HTTP status; nil when it could not be reached.
    public var statusCode: Int?
    public var error: String?
    public var at: Int64
    public var durationMs: Int64

    public init(
        id: Int64? = nil, subscriptionId: Int64, outboxId: Int64, statusCode: Int?, error: String?, at: Int64,
        durationMs: Int64
    ) {
        self.id = id
        self.subscriptionId = subscriptionId
        self.outboxId = outboxId
        self.statusCode = statusCode
        self.error = error
        self.at = at
        self.durationMs = durationMs
    }
}
