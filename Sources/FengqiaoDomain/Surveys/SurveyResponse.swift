import Foundation

/// One number of a round as the figures see it: its township, where it stands and, once answered, the answers.
public struct SurveyResponse: Sendable, Hashable {
    public var township: AssessedUnit
    public var status: SurveyItemStatus
    public var safety: SafetyAnswer?
    public var satisfaction: SatisfactionAnswer?

    public init(township: AssessedUnit, status: SurveyItemStatus, safety: SafetyAnswer? = nil,
                satisfaction: SatisfactionAnswer? = nil) {
        (self.township, self.status, self.safety, self.satisfaction) = (township, status, safety, satisfaction)
    }
}
