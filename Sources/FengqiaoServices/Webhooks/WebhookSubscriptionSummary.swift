import Foundation

/// A subscription as its administrators see it (never its secret).
public struct WebhookSubscriptionSummary: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var url: String
    /// Empty: every event type.
    public var events: [String]
    public var areaCode: String
    public var areaName: String?
    public var createdBy: String
    public var createdAt: Date
    public var disabledAt: Date?
}
