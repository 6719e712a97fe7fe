import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Nightly (queued with the day's counter rebuild): the full risk scan over the rules' horizon (`RiskNightlySweep`).
/// Payload `{"day":"yyyy-MM-dd"}`, the day it is for; one per day over all instances.
public struct RiskSweepJob: JobHandler {
    public static let kind = "risk.sweep"
    public var kind: String { Self.kind }

    public init() {}

    public func run(payload: String, platform: Platform) async throws {
        try await RiskNightlySweep(platform: platform).run()
    }

    /// The payload and de-duplication key of the sweep for `day`.
    public static func job(for day: String) -> (payload: String, dedupeKey: String) {
        ("{\"day\":\"\(day)\"}", "\(kind):\(day)")
    }
}
