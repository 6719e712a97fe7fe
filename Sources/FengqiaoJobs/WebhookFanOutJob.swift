import FengqiaoServices
import Foundation

/// Every 10 seconds: queues the case events since the last run for the webhook subscribers who want them
/// (`WebhookFanOut`); the notification delivery job sends them. The first subscription starts it at the end of
/// the history. Payload `{}`; runs serialise on PostgreSQL by an advisory lock.
public struct WebhookFanOutJob: JobHandler {
    public static let kind = "webhooks.fanout"
    public static let interval: TimeInterval = 10
    public var kind: String { Self.kind }

    public init() {}

    public func run(payload: String, platform: Platform) async throws {
        try await WebhookFanOut(platform: platform).run()
    }

    /// The de-duplication key of the run for the 10-second slot containing `date`.
    public static func dedupeKey(for date: Date) -> String {
        "\(kind):\(Int64((date.timeIntervalSince1970 / interval).rounded(.down)))"
    }
}
