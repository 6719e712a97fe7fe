import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Every hour: queues the reminders that follow mediation agreements up (`MediationFollowUpScan`).
/// Payload `{}`; safe to run again and on several instances at once (each reminder has its own
/// de-duplication key in the outbox).
public struct MediationFollowUp: JobHandler {
    public static let kind = "mediation.follow-up"
    public static let interval: TimeInterval = 3600
    public var kind: String { Self.kind }

    public init() {}

    public func run(payload: String, platform: Platform) async throws {
        try await MediationFollowUpScan(platform: platform).run()
    }

    /// The de-duplication key of the scan for the hour containing `date` (one job per hour over all instances).
    public static func dedupeKey(for date: Date) -> String {
        "\(kind):\(Int64((date.timeIntervalSince1970 / interval).rounded(.down)))"
    }
}
