import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Nightly (queued with the day's counter rebuild): stores yesterday's 日报, on Mondays last week's 周报 and on the
/// 1st last month's 月报 for every area with a 综治中心 (`Reports.runSchedule`). Payload `{"day":"yyyy-MM-dd"}`, the
/// day it runs for (today); a report already stored for an area and period is not made again.
public struct ReportScheduleJob: JobHandler {
    public static let kind = "reports.schedule"
    public var kind: String { Self.kind }

    public init() {}

    struct Payload: Decodable { var day: String }

    public func run(payload: String, platform: Platform) async throws {
        let day = (try? JSONDecoder().decode(Payload.self, from: Data(payload.utf8))).flatMap { CivilDate($0.day) }
            ?? CivilDate(containing: platform.clock.now())
        try await Reports(platform: platform).runSchedule(today: day)
    }

    /// The payload and de-duplication key of the run for `day` (today).
    public static func job(for day: String) -> (payload: String, dedupeKey: String) {
        ("{\"day\":\"\(day)\"}", "\(kind):\(day)")
    }
}
