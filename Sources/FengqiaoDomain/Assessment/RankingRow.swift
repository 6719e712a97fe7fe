import Foundation

/// A unit's line in a ranking (季排名 / 月通报): its place, its total, how both moved since the last period, and
/// whether it is among the laggards called in for a talk (约谈).
public struct RankingRow: Sendable, Hashable, Codable {
    public var score: UnitScore
    public var rank: Int
    /// Places gained since the last period (negative: lost); nil when the unit was not ranked then.
    public var rankChange: Int?
    public var totalChange: Double?
    public var laggard: Bool

    public init(score: UnitScore, rank: Int, rankChange: Int?, totalChange: Double?, laggard: Bool) {
        self.score = score
        self.rank = rank
        self.rankChange = rankChange
        self.totalChange = totalChange
        self.laggard = laggard
    }
}
