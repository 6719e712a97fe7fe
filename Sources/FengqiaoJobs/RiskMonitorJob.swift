import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Every 10 seconds: the risk rules over the case events since the last run (`RiskMonitor`); a monitor switched on
/// over an existing history starts at its end (the nightly sweep covers what came before). Payload `{}`; runs
/// serialise on PostgreSQL by an advisory lock, so several instances may schedule it.
public struct RiskMonitorJob: JobHandler {
    public static let kind = "risk.monitor"
    public static let interval: TimeInterval = 10
    public var kind: String { Self.kind }

    public init() {}

    public func run(payload: String, platform: Platform) async throws {
        let monitor = RiskMonitor(platform: platform)
        try await monitor.startAtTheEnd()
        try await monitor.run()
    }

    /// The de-duplication key of the run for the 10-second slot containing `date`.
    public static func dedupeKey(for date: Date) -> String {
        "\(kind):\(Int64((date.timeIntervalSince1970 / interval).rounded(.down)))"
    }
}
