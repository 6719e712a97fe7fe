import Foundation

/// One row of `webhook_subscriptions` (M024).
public struct WebhookSubscriptionRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var name: String
    public var url: String
    /// The signing secret, sealed with the data key.
    public var secretCipher: String
    /// Event types, space-separated; empty: all.
    public var events: String
    public var areaCode: String
    public var createdBy: String
    public var createdAt: Int64
    public var disabledAt: Int64?

    public init(
        id: Int64? = nil, name: String, url: String, secretCipher: String, events: String, areaCode: String,
        createdBy: String, createdAt: Int64, disabledAt: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.url = url
        self.secretCipher = secretCipher
        self.events = events
        self.areaCode = areaCode
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }
}
