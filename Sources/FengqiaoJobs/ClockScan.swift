import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import Foundation

/// Every minute: turns stage clocks yellow at 80% and red past their deadline, updates the cases'
/// `clock_status` and queues one notification per turn (`CaseClockScan`). Payload `{}`; safe to
/// run again and on several instances at once.
public struct ClockScan: JobHandler {
    public static let kind = "case-clocks.scan"
    public var kind: String { Self.kind }

    public init() {}

    public func run(payload: String, platform: Platform) async throws {
        try await CaseClockScan(platform: platform).run()
    }

    /// The de-duplication key of the scan for the minute containing `date` (one job per minute over
    /// all instances).
    public static func dedupeKey(for date: Date) -> String {
        "\(kind):\(Int64((date.timeIntervalSince1970 / 60).rounded(.down)))"
    }
}
