import Foundation

/// The JSON body of one webhook delivery: a case event and where its case stands, without personal data
/// (no names, phones, descriptions or addresses).
public struct WebhookEventBody: Sendable, Codable, Equatable {
    public struct Case: Sendable, Codable, Equatable {
        public var number: String
        public var kind: String
        public var category: String
        public var channel: String
        public var urgency: String
        /// The state after the event, and before it (nil for the report itself).
        public var state: String
        public var previousState: String?
        public var areaCode: String
        public var gridCode: String?
    }

    /// `evt_` and the event's id: the same on every retry, for receivers that de-duplicate.
    public var id: String
    /// The event type code (`accepted`), and its Chinese name.
    public var event: String
    public var eventName: String
    public var occurredAt: Date
    public var subscription: Int64
    public var `case`: Case
}
