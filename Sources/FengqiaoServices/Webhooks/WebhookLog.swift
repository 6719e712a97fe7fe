import Foundation

/// The delivery log of one subscription: its latest deliveries (outbox rows: state, attempts, next try,
/// last error) and its latest attempts (each POST and the receiver's HTTP status).
public struct WebhookLog: Sendable, Equatable {
    public struct Delivery: Sendable, Equatable {
        public var id: Int64
        public var event: String
        public var caseNumber: String
        /// `pending`, `sent`, `failed` or `skipped`.
        public var state: String
        public var attempts: Int
        public var nextAttemptAt: Date?
        public var lastError: String?
        public var createdAt: Date
        /// Whether an administrator may queue it again now.
        public var retriable: Bool
    }

    public struct Attempt: Sendable, Equatable {
        public var deliveryId: Int64
        public var statusCode: Int?
        public var error: String?
        public var at: Date
        public var durationMs: Int64
    }

    public var subscription: WebhookSubscriptionSummary
    public var deliveries: [Delivery]
    public var attempts: [Attempt]
}
