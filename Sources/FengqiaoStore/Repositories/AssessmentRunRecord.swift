import Foundation

/// A scored period of one kind of unit (`assessment_runs`): the template it was scored by, when and by whom.
public struct AssessmentRunRecord: Sendable, Codable, Equatable {
    public var periodKey: String
    public var unitKind: String
    /// JSON: AssessmentTemplate.
    public var template: String
    public var units: Int64
    public var computedBy: String
    public var computedAt: Int64

    public init(periodKey: String, unitKind: String, template: String, units: Int64, computedBy: String, computedAt: Int64) {
        (self.periodKey, self.unitKind, self.template, self.units) = (periodKey, unitKind, template, units)
        (self.computedBy, self.computedAt) = (computedBy, computedAt)
    }
}
