import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A round as listed: what, where, when, drawn from whom and how many numbers.
public struct SurveyRoundSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var title: String
    public var areaCode: String
    public var areaName: String
    public var year: Int
    public var period: Int
    /// `2026年第6期`.
    public var periodLabel: String
    /// `2026年11月—12月`.
    public var months: String
    public var startsOn: String
    public var endsOn: String
    public var source: SurveySampleSource
    public var perTownship: Int
    public var sampled: Int
    public var seed: String
    public var createdAt: Int64

    init(_ record: SurveyRoundRecord, areaName: String) {
        let period = SurveyPeriod(year: Int(record.year), number: Int(record.period))
        (id, title, areaCode, self.areaName) = (record.id ?? 0, record.title, record.areaCode, areaName)
        (year, self.period) = (Int(record.year), Int(record.period))
        periodLabel = period?.label ?? "\(record.year)年第\(record.period)期"
        months = period?.months ?? ""
        (startsOn, endsOn) = (record.startsOn, record.endsOn)
        source = SurveySampleSource(rawValue: record.source) ?? .residents
        (perTownship, sampled, seed, createdAt) = (Int(record.perTownship), Int(record.sampled), record.seed, record.createdAt)
    }
}
