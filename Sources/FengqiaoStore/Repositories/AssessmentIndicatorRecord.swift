import Foundation

/// An indicator the assessor defined (`assessment_indicators`): its key, the kind of unit it scores, its definition
/// (JSON: AssessmentIndicator) and whether it may still be put in templates (`active` 1 or 0).
public struct AssessmentIndicatorRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var indicatorKey: String
    public var unitKind: String
    public var definition: String
    public var active: Int64
    public var createdBy: String
    public var createdAt: Int64
    public var retiredBy: String?
    public var retiredAt: Int64?

    public init(id: Int64? = nil, indicatorKey: String, unitKind: String, definition: String, active: Int64 = 1,
                createdBy: String, createdAt: Int64, retiredBy: String? = nil, retiredAt: Int64? = nil) {
        (self.id, self.indicatorKey, self.unitKind, self.definition, self.active) = (id, indicatorKey, unitKind, definition, active)
        (self.createdBy, self.createdAt, self.retiredBy, self.retiredAt) = (createdBy, createdAt, retiredBy, retiredAt)
    }
}
