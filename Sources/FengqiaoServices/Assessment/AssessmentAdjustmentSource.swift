import FengqiaoDomain

/// Where scoring finds the points given by hand and the appeals upheld for the periods it scores (`periodKeys`: the
/// period itself and, for a quarter, its months).
public protocol AssessmentAdjustmentSource: Sendable {
    func approvedAdjustments(periodKeys: [String], unitKind: AssessedUnitKind) async throws -> [AssessedUnit: [ManualAdjustment]]
    func exclusions(periodKeys: [String], unitKind: AssessedUnitKind) async throws -> [AssessmentExclusion]
}

extension AssessmentAdjustments: AssessmentAdjustmentSource {}
