import Foundation

/// One unit's stored score for a period (`assessment_scores`), with its place in its county's ranking.
public struct AssessmentScoreRecord: Sendable, Codable, Equatable {
    public var periodKey: String
    public var unitKind: String
    public var unitCode: String
    public var name: String
    public var countyCode: String
    public var areaCode: String
    public var total: Double
    public var templatePoints: Double
    public var awarded: Double
    public var deducted: Double
    public var rank: Int64
    /// How many units the ranking holds.
    public var ranked: Int64
    public var rankChange: Int64?
    public var totalChange: Double?
    public var laggard: Int64
    /// JSON: [IndicatorScore].
    public var indicators: String

    public init(
        periodKey: String, unitKind: String, unitCode: String, name: String, countyCode: String, areaCode: String,
        total: Double, templatePoints: Double, awarded: Double, deducted: Double, rank: Int64, ranked: Int64,
        rankChange: Int64?, totalChange: Double?, laggard: Int64, indicators: String
    ) {
        (self.periodKey, self.unitKind, self.unitCode, self.name) = (periodKey, unitKind, unitCode, name)
        (self.countyCode, self.areaCode, self.total, self.templatePoints) = (countyCode, areaCode, total, templatePoints)
        (self.awarded, self.deducted, self.rank, self.ranked) = (awarded, deducted, rank, ranked)
        (self.rankChange, self.totalChange, self.laggard, self.indicators) = (rankChange, totalChange, laggard, indicators)
    }
}
