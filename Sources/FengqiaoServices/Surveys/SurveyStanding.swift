import FengqiaoDomain
import Foundation

/// A township's satisfaction survey figures in its latest round, for the rankings.
public struct SurveyStanding: Sendable, Hashable {
    public var township: AssessedUnit
    public var roundId: Int64
    public var roundTitle: String
    public var periodLabel: String
    public var figures: SurveyFigureRow
}
