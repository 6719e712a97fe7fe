import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Every 15 seconds: delivers the notification outbox's due rows (`NotificationDispatcher`) through the
/// configured channels. Payload `{}`; safe to run again and on several instances at once (rows are
/// claimed under a lease).
public struct NotificationDelivery: JobHandler {
    public static let kind = "notifications.deliver"
    /// How often a delivery run is queued.
    public static let interval: TimeInterval = 15
    public var kind: String { Self.kind }

    /// Built once: the SMS adapter keeps one HTTP session for all its requests.
    let adapters: [NotificationChannel: any NotificationAdapter]
    public let workerName: String

    public init(channels: DeliveryChannels = DeliveryChannels(), workerName: String = "jobs") {
        self.adapters = channels.adapters()
        self.workerName = workerName
    }

    public func run(payload: String, platform: Platform) async throws {
        try await dispatcher(platform).drain()
    }

    public func dispatcher(_ platform: Platform) -> NotificationDispatcher {
        var adapters = adapters
        // Webhook subscribers need no setting: their addresses and secrets are in the database.
        if adapters[.subscription] == nil { adapters[.subscription] = SubscriptionWebhookAdapter(platform: platform) }
        return NotificationDispatcher(platform: platform, adapters: adapters, workerName: workerName)
    }

    /// The de-duplication key of the run for the 15-second slot containing `date` (one run per slot
    /// over all instances).
    public static func dedupeKey(for date: Date) -> String {
        "\(kind):\(Int64((date.timeIntervalSince1970 / interval).rounded(.down)))"
    }
}
