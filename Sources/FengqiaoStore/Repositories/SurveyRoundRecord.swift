import Foundation

/// A row of `survey_rounds`.
public struct SurveyRoundRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var title: String
    public var areaCode: String
    public var year: Int64
    public var period: Int64
    public var startsOn: String
    public var endsOn: String
    public var windowStart: Int64
    public var windowEnd: Int64
    public var source: String
    public var perTownship: Int64
    public var seed: String
    public var sampled: Int64
    public var createdBy: Int64
    public var createdAt: Int64

    public init(
        id: Int64? = nil, title: String, areaCode: String, year: Int64, period: Int64, startsOn: String, endsOn: String,
        windowStart: Int64, windowEnd: Int64, source: String, perTownship: Int64, seed: String, sampled: Int64,
        createdBy: Int64, createdAt: Int64
    ) {
        (self.id, self.title, self.areaCode, self.year, self.period) = (id, title, areaCode, year, period)
        (self.startsOn, self.endsOn, self.windowStart, self.windowEnd) = (startsOn, endsOn, windowStart, windowEnd)
        (self.source, self.perTownship, self.seed, self.sampled) = (source, perTownship, seed, sampled)
        (self.createdBy, self.createdAt) = (createdBy, createdAt)
    }
}
