import FengqiaoDomain
import FengqiaoStore
import Foundation

/// 申诉: staff who see scores (`viewAssessment`) contest one indicator of their own unit's month or quarter,
/// optionally one case in it (which must exist in their jurisdiction), with reasons; one pending appeal per unit,
/// period, indicator and case. An assessor (`assess`) whose jurisdiction holds the unit upholds or rejects it with a
/// note, once; an upheld appeal becomes an `AssessmentExclusion` and recomputes the period's scores after it commits.
/// Filing and deciding are audited (`assessment_appeal.file|uphold|reject`). An appeal of a unit outside the
/// jurisdiction is "not found".
public struct ScoreAppeals: Sendable {
    let platform: Platform
    let recompute: AssessmentRecompute

    public init(platform: Platform, recompute: @escaping AssessmentRecompute) {
        self.platform = platform
        self.recompute = recompute
    }

    /// The units `caller` may appeal for (empty: none).
    public func ownUnits(caller: Caller) async throws -> [AssessedUnitProfile] {
        try await HighlightAwards(platform: platform, recompute: recompute).ownUnits(caller: caller)
    }

    public func list(state: AppealState?, caller: Caller) async throws -> [ScoreAppeal] {
        try caller.staff.require(.viewAssessment)
        let scope = AssessmentUnits.scope(caller.staff, state: state?.rawValue)
        return try await platform.database.read { db in
            let catalog = try await IndicatorCatalog.read(in: db)
            return try await AssessmentAdjustmentRepository(db).appeals(scope).compactMap { Self.appeal($0, catalog: catalog) }
        }
    }

    public func view(id: Int64, caller: Caller) async throws -> ScoreAppeal {
        try caller.staff.require(.viewAssessment)
        let appeal = try await platform.database.read { db in
            let catalog = try await IndicatorCatalog.read(in: db)
            return try await AssessmentAdjustmentRepository(db).appeal(id: id).flatMap { Self.appeal($0, catalog: catalog) }
        }
        guard let appeal, Self.sees(appeal, caller.staff) else {
            throw DomainError.notFound(what: "该申诉")
        }
        return appeal
    }

    /// Files an appeal; returns its id.
    public func file(_ submission: AppealSubmission, caller: Caller) async throws -> Int64 {
        try caller.staff.require(.viewAssessment)
        let atlas = try await platform.areaAtlas()
        let now = platform.clock.now()
        let staff = caller.staff
        let kind = platform.database.kind
        return try await platform.database.write { db in
            let profile = try await AssessmentUnits.chooseOwn(submission.unit, staff: staff, atlas: atlas, in: db)
            let valid = try submission.validate(unitKind: profile.unit.kind, now: now,
                                                indicators: try await IndicatorCatalog.read(in: db).all)
            let repository = AssessmentAdjustmentRepository(db)
            var found: (id: Int64, number: String, areaCode: String)?
            if let ref = valid.caseRef {
                let id = ref.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } && ref.utf8.count <= 18 ? Int64(ref) : nil
                found = try await repository.caseLocation(id: id, number: id == nil ? ref : nil)
                guard let found, staff.jurisdiction.contains(found.areaCode) else {
                    throw DomainError.notFound(what: "该案件")
                }
            }
            let pendingKey = [profile.unit.kind.rawValue, profile.unit.code, valid.period.key, valid.indicator.key,
                              found.map { String($0.id) } ?? "-"].joined(separator: "|")
            if try await repository.pendingAppeal(key: pendingKey) != nil {
                throw DomainError.conflict(code: "appeal_pending", message: "该项已有待处理的申诉,请等待考核员处理")
            }
            let at = now.millisecondsSince1970
            let id = try await repository.insertAppeal(AssessmentAppealRecord(
                unitKind: profile.unit.kind.rawValue, unitCode: profile.unit.code, unitName: profile.name,
                areaCode: profile.areaCode, periodKey: valid.period.key, indicator: valid.indicator.key,
                caseId: found?.id, caseNumber: found?.number, reasons: valid.reasons,
                state: AppealState.pending.rawValue, pendingKey: pendingKey, filedBy: staff.accountID,
                filedByName: staff.displayName, filedAt: at))
            var summary: [String: any Sendable] = ["unit": profile.unit.formValue, "period": valid.period.key,
                                                   "indicator": valid.indicator.key]
            if let found { summary["case"] = found.number }
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment_appeal.file", objectType: "assessment_appeal", objectID: String(id),
                           summary: AuditEntry.summary(summary)),
                at: at, in: db, kind: kind)
            return id
        }
    }

    /// Upholds or rejects a pending appeal (`decision`: `upheld` | `rejected`) with a note (required).
    public func decide(id: Int64, decision: String?, note: String?, caller: Caller) async throws {
        try caller.staff.require(.assess)
        var errors: [FieldError] = []
        let outcome = decision.flatMap(AppealState.init(rawValue:)).flatMap { $0 == .pending ? nil : $0 }
        if outcome == nil { errors.append(FieldError(field: "decision", code: "required", message: "请选择申诉是否成立")) }
        let text = ManualPointRules.text(note, field: "note", label: "处理意见", max: ManualPointRules.maxTextLength, errors: &errors)
        let problems = errors
        let at = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let staff = caller.staff
        let decided = try await platform.database.write { db in
            let repository = AssessmentAdjustmentRepository(db)
            guard let record = try await repository.appeal(id: id),
                  let appeal = Self.appeal(record, catalog: try await IndicatorCatalog.read(in: db)), Self.sees(appeal, staff)
            else {
                throw DomainError.notFound(what: "该申诉")
            }
            guard appeal.state == .pending else {
                throw DomainError.conflict(code: "already_decided", message: "该申诉已处理(\(appeal.state.chineseName)),不能再次处理")
            }
            guard appeal.filedBy != staff.accountID else {
                throw DomainError.conflict(code: "own_appeal", message: "不能处理本人提出的申诉")
            }
            guard problems.isEmpty, let outcome, let text else { throw DomainError.validation(problems) }
            guard try await repository.decideAppeal(id: id, state: outcome.rawValue, by: staff.displayName, at: at, note: text)
            else { throw DomainError.conflict(code: "already_decided", message: "该申诉已被处理,不能再次处理") }
            try await AuditTrail.append(
                AuditEntry(caller, action: outcome == .upheld ? "assessment_appeal.uphold" : "assessment_appeal.reject",
                           objectType: "assessment_appeal", objectID: String(id),
                           summary: AuditEntry.summary(["unit": appeal.unit.unit.formValue, "period": appeal.period.key,
                                                        "indicator": appeal.indicator.key, "note": text])),
                at: at, in: db, kind: kind)
            return (appeal, outcome)
        }
        if decided.1 == .upheld {
            await AssessmentRecomputing.run(recompute, periodKey: decided.0.period.key, unitKind: decided.0.unit.unit.kind,
                                            logger: platform.logger)
        }
    }

    static func sees(_ appeal: ScoreAppeal, _ staff: Staff) -> Bool {
        AssessmentUnits.sees(appeal.unit.unit, areaCode: appeal.unit.areaCode, staff: staff)
    }

    static func appeal(_ record: AssessmentAppealRecord, catalog: IndicatorCatalog) -> ScoreAppeal? {
        guard let id = record.id, let kind = AssessedUnitKind(rawValue: record.unitKind),
              let period = AssessmentPeriod(key: record.periodKey),
              let indicator = catalog.indicator(record.indicator), let state = AppealState(rawValue: record.state)
        else { return nil }
        return ScoreAppeal(
            id: id, unit: AssessedUnitProfile(unit: AssessedUnit(kind, record.unitCode), name: record.unitName,
                                              areaCode: record.areaCode),
            period: period, indicator: indicator, caseId: record.caseId, caseNumber: record.caseNumber,
            reasons: record.reasons, state: state, filedBy: record.filedBy, filedByName: record.filedByName,
            filedAt: Date(millisecondsSince1970: record.filedAt), decidedByName: record.decidedByName,
            decidedAt: record.decidedAt.map(Date.init(millisecondsSince1970:)), decisionNote: record.decisionNote)
    }
}
