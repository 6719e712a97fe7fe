import Foundation

/// What an upheld appeal (申诉) takes out of a unit's score: one case from one indicator (named by its key), or, with
/// no case, the whole indicator (full points: 该项不予考核).
public struct AssessmentExclusion: Sendable, Hashable, Codable {
    public var unit: AssessedUnit
    public var indicator: String
    public var caseId: Int64?

    public init(unit: AssessedUnit, indicator: String, caseId: Int64? = nil) {
        self.unit = unit
        self.indicator = indicator
        self.caseId = caseId
    }
}
