import FengqiaoDomain
import FengqiaoStore
import Foundation

/// 通报批评扣分: an assessor (`assess`) records points off a unit of their jurisdiction for a month, with the reason and
/// the 通报's document number; it counts at once. It is never deleted: a mistaken one is revoked with a reason. Both
/// are audited (`assessment_deduction.record|revoke`) and recompute the month's scores after they commit. Staff who
/// see scores read the deductions of the units they see.
public struct ScoreDeductions: Sendable {
    let platform: Platform
    let recompute: AssessmentRecompute

    public init(platform: Platform, recompute: @escaping AssessmentRecompute) {
        self.platform = platform
        self.recompute = recompute
    }

    /// Deductions of the units `caller` sees, newest first; `revoked` true or false narrows them.
    public func list(revoked: Bool?, caller: Caller) async throws -> [ScoreDeduction] {
        try caller.staff.require(.viewAssessment)
        var scope = AssessmentUnits.scope(caller.staff, state: nil)
        scope.state = revoked.map { $0 ? "revoked" : "active" }
        let chosen = scope
        return try await platform.database.read { db in try await AssessmentAdjustmentRepository(db).deductions(chosen) }
            .compactMap(Self.deduction)
    }

    /// The units an assessor may record a deduction for.
    public func units(caller: Caller) async throws -> [AssessedUnitProfile] {
        try caller.staff.require(.assess)
        let atlas = try await platform.areaAtlas()
        let staff = caller.staff
        return try await platform.database.read { db in try await AssessmentUnits.inJurisdiction(staff, atlas: atlas, in: db) }
    }

    /// Records a deduction; returns its id.
    public func record(_ submission: DeductionSubmission, caller: Caller) async throws -> Int64 {
        try caller.staff.require(.assess)
        let valid = try submission.validate(now: platform.clock.now())
        let atlas = try await platform.areaAtlas()
        let at = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let staff = caller.staff
        let id = try await platform.database.write { db in
            let profile = try await AssessmentUnits.visible(valid.unit, staff: staff, atlas: atlas, in: db)
            let id = try await AssessmentAdjustmentRepository(db).insertDeduction(AssessmentDeductionRecord(
                unitKind: profile.unit.kind.rawValue, unitCode: profile.unit.code, unitName: profile.name,
                areaCode: profile.areaCode, periodKey: valid.period.key, points: valid.points, reason: valid.reason,
                documentNumber: valid.documentNumber, recordedByName: staff.displayName, recordedAt: at))
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment_deduction.record", objectType: "assessment_deduction",
                           objectID: String(id),
                           summary: AuditEntry.summary(["unit": profile.unit.formValue, "period": valid.period.key,
                                                        "points": valid.points, "document": valid.documentNumber,
                                                        "reason": valid.reason])),
                at: at, in: db, kind: kind)
            return id
        }
        await AssessmentRecomputing.run(recompute, periodKey: valid.period.key, unitKind: valid.unit.kind, logger: platform.logger)
        return id
    }

    /// Revokes a deduction that stands; the reason is required.
    public func revoke(id: Int64, reason: String?, caller: Caller) async throws {
        try caller.staff.require(.assess)
        let at = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let staff = caller.staff
        let revoked = try await platform.database.write { db in
            let repository = AssessmentAdjustmentRepository(db)
            guard let record = try await repository.deduction(id: id), let deduction = Self.deduction(record),
                  AssessmentUnits.sees(deduction.unit.unit, areaCode: deduction.unit.areaCode, staff: staff)
            else { throw DomainError.notFound(what: "该扣分记录") }
            guard !deduction.isRevoked else {
                throw DomainError.conflict(code: "already_revoked", message: "该扣分已撤销,不能再次撤销")
            }
            var errors: [FieldError] = []
            guard let reason = ManualPointRules.text(reason, field: "reason", label: "撤销理由", max: ManualPointRules.maxTextLength,
                                                     errors: &errors)
            else { throw DomainError.validation(errors) }
            guard try await repository.revokeDeduction(id: id, by: staff.displayName, at: at, reason: reason) else {
                throw DomainError.conflict(code: "already_revoked", message: "该扣分已撤销,不能再次撤销")
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment_deduction.revoke", objectType: "assessment_deduction",
                           objectID: String(id),
                           summary: AuditEntry.summary(["unit": deduction.unit.unit.formValue, "period": deduction.period.key,
                                                        "points": deduction.points, "reason": reason])),
                at: at, in: db, kind: kind)
            return deduction
        }
        await AssessmentRecomputing.run(recompute, periodKey: revoked.period.key, unitKind: revoked.unit.unit.kind,
                                        logger: platform.logger)
    }

    static func deduction(_ record: AssessmentDeductionRecord) -> ScoreDeduction? {
        guard let id = record.id, let kind = AssessedUnitKind(rawValue: record.unitKind),
              let period = AssessmentPeriod(key: record.periodKey)
        else { return nil }
        return ScoreDeduction(
            id: id, unit: AssessedUnitProfile(unit: AssessedUnit(kind, record.unitCode), name: record.unitName,
                                              areaCode: record.areaCode),
            period: period, points: record.points, reason: record.reason, documentNumber: record.documentNumber,
            recordedByName: record.recordedByName, recordedAt: Date(millisecondsSince1970: record.recordedAt),
            revokedByName: record.revokedByName, revokedAt: record.revokedAt.map(Date.init(millisecondsSince1970:)),
            revokeReason: record.revokeReason)
    }
}
