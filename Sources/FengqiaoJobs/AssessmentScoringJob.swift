import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Nightly (queued with the day's counter rebuild): scores the last ended month and quarter of every kind of unit that
/// were never scored (`Assessments.scoreEndedPeriods`), so 月通报 and 季排名 are ready the morning after a period ends.
/// Payload `{"day":"yyyy-MM-dd"}`; one run a day (de-duplicated by the day), and a period already scored is left as it is.
public struct AssessmentScoringJob: JobHandler {
    public static let kind = "assessment.score"
    public var kind: String { Self.kind }

    public init() {}

    public func run(payload: String, platform: Platform) async throws {
        try await Assessments(platform: platform).scoreEndedPeriods()
    }

    /// The payload and de-duplication key of the run for `day` (today).
    public static func job(for day: String) -> (payload: String, dedupeKey: String) {
        ("{\"day\":\"\(day)\"}", "\(kind):\(day)")
    }
}
