/// Sends outbox messages on one channel (in-app inbox, SMS gateway, SMTP). The dispatcher calls it
/// once per person; it must not log addresses, message text or secrets.
public protocol NotificationAdapter: Sendable {
    /// Says what the adapter is in errors, e.g. "短信网关".
    var name: String { get }

    /// Sends `message` to `recipient`. Returns `.noAddress` when the person cannot be reached on this
    /// channel (no phone number); throws when the attempt failed and may succeed later — preferably a
    /// `NotificationDeliveryError`, whose text is what administrators see.
    func deliver(_ message: OutboxMessage, to recipient: NotificationRecipient) async throws -> DeliveryOutcome
}

/// What one delivery to one person came to.
public enum DeliveryOutcome: Sendable, Equatable {
    case delivered
    /// The person has no address on this channel.
    case noAddress
}

/// A failed delivery attempt, in words fit for `notification_outbox.last_error` (no secrets, no addresses).
public struct NotificationDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
