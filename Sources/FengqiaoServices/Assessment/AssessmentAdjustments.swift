import FengqiaoDomain
import FengqiaoStore
import SQLKit

/// What the scoring reads of the points given by hand and the appeals: for some periods (the month keys of a month
/// or of a quarter's three months, or a quarter's own key for appeals) and one kind of unit, the approved awards
/// (with the points granted) and the deductions that stand, per unit; and the exclusions of the upheld appeals.
public struct AssessmentAdjustments: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    public func approvedAdjustments(periodKeys: [String], unitKind: AssessedUnitKind) async throws
        -> [AssessedUnit: [ManualAdjustment]]
    {
        try await database.read { db in try await Self.approvedAdjustments(periodKeys: periodKeys, unitKind: unitKind, in: db) }
    }

    public func exclusions(periodKeys: [String], unitKind: AssessedUnitKind) async throws -> [AssessmentExclusion] {
        try await database.read { db in try await Self.exclusions(periodKeys: periodKeys, unitKind: unitKind, in: db) }
    }

    /// `approvedAdjustments` inside a transaction the caller holds.
    public static func approvedAdjustments(periodKeys: [String], unitKind: AssessedUnitKind, in db: any SQLDatabase)
        async throws -> [AssessedUnit: [ManualAdjustment]]
    {
        let repository = AssessmentAdjustmentRepository(db)
        var result: [AssessedUnit: [ManualAdjustment]] = [:]
        for award in try await repository.approvedAwards(periodKeys: periodKeys, unitKind: unitKind.rawValue) {
            result[AssessedUnit(unitKind, award.unitCode), default: []].append(
                ManualAdjustment(kind: .award, points: award.approvedPoints ?? 0, reason: award.title))
        }
        for deduction in try await repository.activeDeductions(periodKeys: periodKeys, unitKind: unitKind.rawValue) {
            result[AssessedUnit(unitKind, deduction.unitCode), default: []].append(
                ManualAdjustment(kind: .deduction, points: deduction.points,
                                 reason: "通报批评(\(deduction.documentNumber)):\(deduction.reason)"))
        }
        return result
    }

    /// `exclusions` inside a transaction the caller holds.
    public static func exclusions(periodKeys: [String], unitKind: AssessedUnitKind, in db: any SQLDatabase) async throws
        -> [AssessmentExclusion]
    {
        try await AssessmentAdjustmentRepository(db).upheldAppeals(periodKeys: periodKeys, unitKind: unitKind.rawValue)
            .map { AssessmentExclusion(unit: AssessedUnit(unitKind, $0.unitCode), indicator: $0.indicator, caseId: $0.caseId) }
    }
}
