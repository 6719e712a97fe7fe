import FengqiaoDomain
import Foundation

/// A period's scores of one kind of unit as the viewer may see them: each county's ranking (only the units inside the
/// viewer's jurisdiction; a department's staff see their department alone), with the run that produced it.
public struct AssessmentRanking: Sendable {
    public var period: AssessmentPeriod
    public var kind: AssessedUnitKind
    /// Nil while the period was never scored.
    public var computedAt: Date?
    public var computedBy: String?
    public var template: AssessmentTemplate?
    public var standings: [AssessmentStanding]
    public var mayCompute: Bool
    /// For townships: each one's 安全感 and 满意度 from its latest satisfaction survey begun before the period's end,
    /// shown beside the ranking (empty for other kinds, or when the viewer may not see surveys).
    public var surveys: [AssessedUnit: SurveyStanding] = [:]
}
