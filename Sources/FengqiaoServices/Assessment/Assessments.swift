import FengqiaoDomain
import FengqiaoStore
import Foundation

/// 考核: scores of townships, departments and grid workers per month (月通报) and quarter (季排名), computed from the
/// work itself (`AssessmentScorer`) and read, ranked and opened down to the cases, always inside the viewer's
/// jurisdiction.
///
/// Who: the assessor (`assess`) scores periods and edits the templates; whoever may `viewAssessment` reads the scores
/// of the units inside their jurisdiction — a department's staff only their department's. A unit outside is "not
/// found".
public struct Assessments: Sendable {
    let platform: Platform
    let scorer: AssessmentScorer

    /// - Parameter adjustments: the approved awards and deductions and the upheld appeals; the stored ones unless a
    ///   test gives its own.
    public init(platform: Platform, adjustments: (any AssessmentAdjustmentSource)? = nil) {
        self.platform = platform
        self.scorer = AssessmentScorer(
            platform: platform, adjustments: adjustments ?? AssessmentAdjustments(database: platform.database))
    }

    public static func mayView(_ staff: Staff) -> Bool { staff.may(.viewAssessment) || staff.may(.assess) }

    static func requireView(_ staff: Staff) throws {
        guard mayView(staff) else { throw DomainError.forbidden(permission: .viewAssessment) }
    }

    /// Whether `staff` sees the score of a unit whose score belongs to `areaCode`.
    static func sees(_ staff: Staff, _ unit: AssessedUnit, areaCode: String) -> Bool {
        if let department = staff.departmentID { return unit == .department(department) }
        return staff.jurisdiction.contains(areaCode)
    }

    // MARK: Reading input

    public static func period(_ key: String) throws -> AssessmentPeriod {
        guard let period = AssessmentPeriod(key: key.trimmingCharacters(in: .whitespaces)) else {
            throw DomainError.validation([FieldError(field: "period", code: "invalid", message: "考核期应写作 2026-11(月)或 2026-Q4(季度)")])
        }
        return period
    }

    public static func kind(_ text: String) throws -> AssessedUnitKind {
        guard let kind = AssessedUnitKind(rawValue: text) else {
            throw DomainError.validation([FieldError(field: "kind", code: "unknown", message: "没有这类考核对象")])
        }
        return kind
    }

    /// A unit as addresses name it (`AssessedUnit.formValue`: `township:150201001000`, `department:7`,
    /// `grid_worker:42`); anything else is not found.
    public static func unit(_ text: String) throws -> AssessedUnit {
        guard let unit = AssessedUnit(formValue: text) else { throw DomainError.notFound(what: "考核对象") }
        return unit
    }

    // MARK: Scoring

    /// Scores the period for the kind of unit (audited `assessment.compute`); returns the ranking as the caller sees it.
    public func compute(periodKey: String, kind: String, caller: Caller) async throws -> AssessmentRanking {
        try await score(periodKey: periodKey, kinds: [kind], by: .staff(caller))
        return try await ranking(periodKey: periodKey, kind: kind, caller: caller)
    }

    /// Scores the period for the kinds of unit, every county at once (audited `assessment.compute` per kind);
    /// returns how many units of each kind were scored.
    @discardableResult
    public func score(periodKey: String, kinds: [String], by admin: Administrator) async throws -> [AssessedUnitKind: Int] {
        try admin.require(.assess)
        let period = try Self.period(periodKey), kinds = try kinds.map(Self.kind)
        guard period.start <= platform.clock.now() else {
            throw DomainError.validation([FieldError(field: "period", code: "future", message: "考核期尚未开始")])
        }
        let name = if case .staff(let caller) = admin { caller.staff.displayName } else { admin.name }
        let units = try await scorer.compute(period, kinds: kinds, by: name).mapValues(\.count)
        let now = platform.clock.now().millisecondsSince1970
        let dbKind = platform.database.kind
        try await platform.database.write { db in
            for kind in kinds {
                try await AuditTrail.append(
                    admin.auditEntry(action: "assessment.compute", objectType: "assessment", objectID: "\(period.key)/\(kind.rawValue)",
                                     summary: AuditEntry.summary(["units": units[kind] ?? 0])),
                    at: now, in: db, kind: dbKind)
            }
        }
        return units
    }

    /// Scores the period again after a decision changed its manual points or exclusions (no caller: the decision
    /// was audited where it was made). A period never scored is left for the assessor to score.
    public func recompute(periodKey: String, kind: AssessedUnitKind) async throws {
        guard let period = AssessmentPeriod(key: periodKey) else { return }
        for affected in [period] + (period.kind == .month ? period.quarter.map { [$0] } ?? [] : []) {
            let run = try await platform.database.read { db in
                try await AssessmentRepository(db).run(periodKey: affected.key, unitKind: kind.rawValue)
            }
            if run != nil { try await scorer.compute(affected, kinds: [kind], by: "系统重算", previousToo: false) }
        }
    }

    /// Scores the last ended month and quarter that were never scored (the nightly job; not audited as a person).
    public func scoreEndedPeriods() async throws {
        let now = platform.clock.now()
        let month = CivilDate(containing: now)
        guard let thisMonth = AssessmentPeriod(.month, year: month.year, number: month.month),
              let lastMonth = thisMonth.previous, let thisQuarter = thisMonth.quarter
        else { return }
        for period in [lastMonth, thisQuarter.previous].compactMap({ $0 }) {
            var unscored: [AssessedUnitKind] = []
            for kind in AssessedUnitKind.allCases {
                let run = try await platform.database.read { db in
                    try await AssessmentRepository(db).run(periodKey: period.key, unitKind: kind.rawValue)
                }
                if run == nil { unscored.append(kind) }
            }
            if !unscored.isEmpty { try await scorer.compute(period, kinds: unscored, by: "系统定时计算") }
        }
    }

    // MARK: Reading scores

    /// The period's stored scores of a kind of unit inside the caller's jurisdiction.
    public func ranking(periodKey: String, kind: String, caller: Caller) async throws -> AssessmentRanking {
        let staff = caller.staff
        try Self.requireView(staff)
        let period = try Self.period(periodKey), kind = try Self.kind(kind)
        let (run, records) = try await platform.database.read { db in
            let repository = AssessmentRepository(db)
            let run = try await repository.run(periodKey: period.key, unitKind: kind.rawValue)
            let records: [AssessmentScoreRecord]
            if let department = staff.departmentID {
                records = kind == .department
                    ? try await repository.scores(periodKey: period.key, unitKind: kind.rawValue, prefix: "", unitCode: String(department))
                    : []
            } else {
                records = try await repository.scores(periodKey: period.key, unitKind: kind.rawValue, prefix: staff.jurisdiction.prefix)
            }
            return (run, records)
        }
        let standings = try records.map(AssessmentStanding.init)
        let surveys = kind == .township && !standings.isEmpty && SatisfactionSurveys.mayView(staff)
            ? try await SatisfactionSurveys(platform: platform).latestFigures(for: standings.map(\.unit), before: period.end, caller: caller)
            : [:]
        return AssessmentRanking(
            period: period, kind: kind, computedAt: run.map { Date(millisecondsSince1970: $0.computedAt) },
            computedBy: run?.computedBy, template: run.flatMap { AssessmentScorer.decodeTemplate($0.template) },
            standings: standings, mayCompute: staff.may(.assess), surveys: surveys)
    }

    /// One unit's stored score; not found outside the caller's sight or when the period was not scored.
    public func standing(periodKey: String, unit: String, caller: Caller) async throws -> AssessmentStanding {
        try Self.requireView(caller.staff)
        let period = try Self.period(periodKey), unit = try Self.unit(unit)
        let record = try await platform.database.read { db in
            try await AssessmentRepository(db).scores(periodKey: period.key, unitKind: unit.kind.rawValue, prefix: "",
                                                      unitCode: unit.code).first
        }
        guard let record, Self.sees(caller.staff, unit, areaCode: record.areaCode) else {
            throw DomainError.notFound(what: "考核结果")
        }
        return try AssessmentStanding(record)
    }

    /// Opens one indicator of a unit's score down to what produced it: the cases (with the event or deadline that
    /// counted each), a grid worker's days of field work, or the values entered for a reported indicator.
    public func drillDown(periodKey: String, unit: String, indicator: String, caller: Caller) async throws -> AssessmentDrillDown {
        let standing = try await standing(periodKey: periodKey, unit: unit, caller: caller)
        let period = try Self.period(periodKey)
        guard let scored = standing.score.indicators.first(where: { $0.rule.indicator.key == indicator }) else {
            throw DomainError.notFound(what: "考核指标")
        }
        let unit = standing.unit, measured = scored.rule.indicator
        var drill = AssessmentDrillDown(period: period, standing: standing, indicator: scored, cases: [], fieldDays: [],
                                        excludedCases: [], entries: [])
        if measured.source == .reported {
            drill.entries = try await entries(measured, period: period, unit: unit)
        } else if unit.kind == .gridWorker {
            drill.fieldDays = try await fieldDays(period, account: Int64(unit.code) ?? 0)
        } else {
            let keys = AssessmentScorer.adjustmentKeys(period)
            let exclusions = try await scorer.adjustments.exclusions(periodKeys: keys, unitKind: unit.kind)
                .filter { $0.unit == unit && $0.indicator == measured.key }
            let tally = try await scorer.tally(
                period, exclusions: Set(exclusions),
                prefix: unit.kind == .township ? String(unit.code.prefix(9)) : nil,
                department: unit.kind == .department ? Int64(unit.code) : nil, tracing: [unit], defined: [measured])
            let lines = tally.contributions[unit]?[measured] ?? []
            let numbers = try await platform.database.read { db in
                try await AssessmentRepository(db).caseNumbers(Array(Set(lines.map(\.caseId))))
            }
            drill.cases = lines.sorted { ($0.at, $0.caseId) < ($1.at, $1.caseId) }.map {
                .init(caseId: $0.caseId, caseNumber: numbers[$0.caseId] ?? String($0.caseId), contribution: $0)
            }
            drill.excludedCases = exclusions.compactMap(\.caseId).sorted()
        }
        return drill
    }

    /// The values entered for a reported indicator that its score is made of: the period's own, else its months'.
    func entries(_ indicator: AssessmentIndicator, period: AssessmentPeriod, unit: AssessedUnit) async throws
        -> [AssessmentDrillDown.Entry]
    {
        let records = try await platform.database.read { db in
            try await AssessmentIndicatorRepository(db).values(keys: [indicator.key], periodKeys: AssessmentScorer.adjustmentKeys(period),
                                                               unitKind: unit.kind.rawValue, unitCode: unit.code)
        }
        let values = Dictionary(records.map { ($0.periodKey, $0.value) }, uniquingKeysWith: { a, _ in a })
        let used = Set(ReportedTally.value(for: period, entries: values)?.from ?? [])
        return records.filter { used.contains($0.periodKey) }.compactMap { record in
            AssessmentPeriod(key: record.periodKey).map {
                .init(period: $0, value: record.value, note: record.note, enteredBy: record.enteredBy,
                      enteredAt: Date(millisecondsSince1970: record.enteredAt))
            }
        }
    }

    func fieldDays(_ period: AssessmentPeriod, account: Int64) async throws -> [AssessmentDrillDown.FieldDay] {
        let first = period.firstDay.description, last = period.lastDay.description
        let (patrols, visits) = try await platform.database.read { db in
            let repository = AssessmentRepository(db)
            return (try await repository.patrolStarts(start: period.start.millisecondsSince1970,
                                                      end: period.end.millisecondsSince1970, account: account)[account] ?? [],
                    try await repository.visitDays(account: account, from: first, through: last))
        }
        var patrolDays: [String: Int] = [:]
        for start in patrols { patrolDays[CivilDate(containing: Date(millisecondsSince1970: start)).description, default: 0] += 1 }
        return Set(patrolDays.keys).union(visits.keys).sorted().map {
            .init(day: $0, patrols: patrolDays[$0] ?? 0, visits: visits[$0] ?? 0)
        }
    }

    // MARK: Templates

    /// The template a kind of unit is scored by in a kind of period now.
    public func template(kind: String, periodKind: String, caller: Caller) async throws -> AssessmentTemplate {
        guard caller.staff.may(.assess) else { throw DomainError.forbidden(permission: .assess) }
        let kind = try Self.kind(kind)
        guard let periodKind = AssessmentPeriodKind(rawValue: periodKind) else {
            throw DomainError.validation([FieldError(field: "periodKind", code: "unknown", message: "考核周期应为月度或季度")])
        }
        let saved = try await platform.database.read { db in
            try await AssessmentRepository(db).template(unitKind: kind.rawValue, periodKind: periodKind.rawValue)
        }
        return saved.flatMap(AssessmentScorer.decodeTemplate) ?? .standard(kind, periodKind)
    }

    /// Saves a template (audited `assessment.template`, before and after); periods already ended keep the template
    /// they were scored by.
    public func saveTemplate(_ submitted: AssessmentTemplate, caller: Caller) async throws {
        guard caller.staff.may(.assess) else { throw DomainError.forbidden(permission: .assess) }
        // An indicator the assessor defined is taken as stored, and only while it is active.
        let catalog = try await AssessmentIndicators(platform: platform).catalog()
        var checked = submitted, retired: [FieldError] = []
        for (i, rule) in submitted.rules.enumerated() where rule.indicator.isDefined {
            if let stored = catalog.indicator(rule.indicator.key), catalog.activeKeys.contains(stored.key) {
                checked.rules[i].indicator = stored
            } else {
                retired.append(FieldError(field: "rules[\(i)].indicator", code: "retired",
                                          message: "\(rule.indicator.chineseName)已停用或不存在,不能选用"))
            }
        }
        let problems = retired + checked.problems()
        guard problems.isEmpty else { throw DomainError.validation(problems) }
        let template = checked
        let before = try await self.template(kind: template.unitKind.rawValue, periodKind: template.periodKind.rawValue, caller: caller)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(template), as: UTF8.self)
        let old = String(decoding: try encoder.encode(before), as: UTF8.self)
        let now = platform.clock.now().millisecondsSince1970
        let dbKind = platform.database.kind
        try await platform.database.write { db in
            try await AssessmentRepository(db).saveTemplate(
                unitKind: template.unitKind.rawValue, periodKind: template.periodKind.rawValue, template: json,
                by: caller.staff.displayName, at: now)
            try await AuditTrail.append(
                AuditEntry(caller, action: "assessment.template", objectType: "assessment_template",
                           objectID: "\(template.unitKind.rawValue)/\(template.periodKind.rawValue)",
                           summary: AuditEntry.summary(["before": old, "after": json])),
                at: now, in: db, kind: dbKind)
        }
    }
}
