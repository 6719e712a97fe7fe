import FengqiaoDomain
import Foundation

/// An appeal (申诉) as the pages show it.
public struct ScoreAppeal: Sendable, Hashable {
    public var id: Int64
    public var unit: AssessedUnitProfile
    public var period: AssessmentPeriod
    public var indicator: AssessmentIndicator
    public var caseId: Int64?
    public var caseNumber: String?
    public var reasons: String
    public var state: AppealState
    public var filedBy: Int64
    public var filedByName: String
    public var filedAt: Date
    public var decidedByName: String?
    public var decidedAt: Date?
    public var decisionNote: String?

    /// What an upheld appeal takes out of the score.
    public var exclusion: AssessmentExclusion {
        AssessmentExclusion(unit: unit.unit, indicator: indicator.key, caseId: caseId)
    }
}
