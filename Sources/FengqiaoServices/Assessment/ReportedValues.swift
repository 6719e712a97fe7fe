import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// 人工填报: the assessor (`assess`) enters each unit's value of a reported indicator for a month or quarter, for the
/// units inside their jurisdiction (or a smaller area of it), all of a sheet at once: a sheet with any error stores
/// nothing. Each value stored, changed or taken back is audited (`assessment.reported_value`); a period already
/// scored is scored again.
public struct ReportedValues: Sendable {
    let platform: Platform
    let recompute: AssessmentRecompute

    public init(platform: Platform, recompute: @escaping AssessmentRecompute) {
        self.platform = platform
        self.recompute = recompute
    }

    /// The sheet of `key` for `periodKey` over `area` (default: the caller's jurisdiction).
    public func sheet(key: String, periodKey: String, area: String?, caller: Caller) async throws -> ReportedValueSheet {
        try caller.staff.require(.assess)
        let period = try Self.period(periodKey, now: platform.clock.now())
        let atlas = try await platform.areaAtlas()
        return try await platform.database.read { db in
            let indicator = try await Self.reported(key, in: db)
            let kind = indicator.unitKinds.first ?? .township
            let areaCode = try Self.area(area, staff: caller.staff)
            let units = try await AssessmentUnits.inArea(areaCode, kind: kind, staff: caller.staff, atlas: atlas, in: db)
            let stored = Dictionary(
                try await AssessmentIndicatorRepository(db).values(keys: [key], periodKeys: [period.key], unitKind: kind.rawValue)
                    .map { ($0.unitCode, $0) }, uniquingKeysWith: { a, _ in a })
            let rows = units.prefix(AssessmentUnits.choiceLimit).map { unit in
                let record = stored[unit.unit.code]
                return ReportedValueSheet.Row(
                    unit: unit, value: record?.value,
                    note: record?.note, enteredBy: record?.enteredBy,
                    enteredAt: record.map { Date(millisecondsSince1970: $0.enteredAt) })
            }
            return ReportedValueSheet(indicator: indicator, period: period, areaCode: areaCode, rows: Array(rows),
                                      truncated: units.count > AssessmentUnits.choiceLimit)
        }
    }

    /// Stores the sheet's values: `inputs` by unit code, for units of the sheet (`area`); a unit not in `inputs` keeps
    /// its value. Returns how many values changed (compared with what is stored when the write begins).
    @discardableResult
    public func record(key: String, periodKey: String, area: String?, inputs: [String: ReportedValueInput], caller: Caller)
        async throws -> Int
    {
        let sheet = try await sheet(key: key, periodKey: periodKey, area: area, caller: caller)
        let listed = Set(sheet.rows.map(\.unit.unit.code))
        guard inputs.keys.allSatisfy(listed.contains) else { throw DomainError.notFound(what: "该被考核单位") }
        var errors: [FieldError] = []
        var entries: [(unit: AssessedUnitProfile, entered: (value: IndicatorValue, note: String?)?)] = []
        for row in sheet.rows {
            guard let input = inputs[row.unit.unit.code] else { continue }
            let entered = input.value(for: sheet.indicator, field: "values[\(row.unit.unit.code)]", label: row.unit.name, errors: &errors)
            entries.append((row.unit, entered))
        }
        guard errors.isEmpty else { throw DomainError.validation(errors) }
        let typed = entries
        let at = platform.clock.now().millisecondsSince1970, kind = platform.database.kind
        let by = caller.staff.displayName, indicator = sheet.indicator, period = sheet.period
        let changed = try await platform.database.write { db in
            let repository = AssessmentIndicatorRepository(db)
            let stored = Dictionary(
                try await repository.values(keys: [indicator.key], periodKeys: [period.key],
                                            unitKind: indicator.unitKinds.first?.rawValue ?? "").map { ($0.unitCode, $0) },
                uniquingKeysWith: { a, _ in a })
            var changed = 0
            for (profile, entered) in typed {
                let unit = profile.unit, before = stored[unit.code]
                let old = before?.value
                guard entered?.value != old || (entered != nil && entered?.note != before?.note) else { continue }
                if let entered {
                    try await repository.save(ReportedValueRecord(
                        indicatorKey: indicator.key, periodKey: period.key, unitKind: unit.kind.rawValue, unitCode: unit.code,
                        numerator: Int64(entered.value.numerator), denominator: entered.value.denominator.map(Int64.init),
                        note: entered.note, enteredBy: by, enteredAt: at))
                } else {
                    _ = try await repository.remove(key: indicator.key, periodKey: period.key, unitCode: unit.code)
                }
                try await AuditTrail.append(
                    AuditEntry(caller, action: "assessment.reported_value", objectType: "assessment_indicator",
                               objectID: "\(indicator.key)/\(period.key)/\(unit.formValue)",
                               summary: AuditEntry.summary([
                                   "indicator": indicator.chineseName, "unit": profile.name,
                                   "before": old.map(Self.text) ?? "未填报", "after": entered.map { Self.text($0.value) } ?? "未填报",
                               ])),
                    at: at, in: db, kind: kind)
                changed += 1
            }
            return changed
        }
        if changed > 0 {
            await AssessmentRecomputing.run(recompute, periodKey: period.key, unitKind: indicator.unitKinds.first ?? .township,
                                            logger: platform.logger)
        }
        return changed
    }

    static func text(_ value: IndicatorValue) -> String {
        value.denominator.map { "\(value.numerator)/\($0)" } ?? String(value.numerator)
    }

    static func period(_ key: String, now: Date) throws -> AssessmentPeriod {
        var errors: [FieldError] = []
        guard let period = ManualPointRules.period(key, now: now, quarters: true, errors: &errors) else {
            throw DomainError.validation(errors)
        }
        return period
    }

    /// A defined reported indicator; anything else is not found.
    static func reported(_ key: String, in db: any SQLDatabase) async throws -> AssessmentIndicator {
        guard let indicator = try await IndicatorCatalog.read(in: db).indicator(key), indicator.source == .reported else {
            throw DomainError.notFound(what: "该填报指标")
        }
        return indicator
    }

    /// The area a sheet lists: the one chosen, inside the jurisdiction (else not found), or the jurisdiction.
    static func area(_ text: String?, staff: Staff) throws -> String {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return staff.jurisdiction.root.rawValue }
        guard AreaCode(raw) != nil, staff.jurisdiction.contains(raw) else { throw DomainError.notFound(what: "该区域") }
        return raw
    }
}
