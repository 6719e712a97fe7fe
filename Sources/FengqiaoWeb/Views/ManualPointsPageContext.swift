import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Template context shared by the award, deduction and appeal pages: units, periods, indicators, points, errors.
enum ManualPointsPageContext {
    static func points(_ value: Double?) -> String { value.map(AssessmentTemplate.points) ?? "" }

    static func minute(_ date: Date?) -> String { date.map(DeskPageContext.minute) ?? "" }

    /// The unit options of a select, `chosen` selected.
    static func units(_ units: [AssessedUnitProfile], chosen: String?) -> [[String: Any]] {
        units.map { profile in
            ["value": profile.unit.formValue, "name": "\(profile.name)(\(profile.unit.kind.chineseName))",
             "selected": profile.unit.formValue == chosen]
        }
    }

    /// The months from `now` back a year, newest first, for the period selects; `chosen` selected.
    static func months(now: Date, chosen: String?, quarters: Bool = false) -> [[String: Any]] {
        let year = ChinaTime.year(now)
        let month = ChinaTime.calendar.component(.month, from: now)
        var periods: [AssessmentPeriod] = []
        var (y, m) = (year, month)
        for _ in 0..<13 {
            if let period = AssessmentPeriod(.month, year: y, number: m) { periods.append(period) }
            (y, m) = m == 1 ? (y - 1, 12) : (y, m - 1)
        }
        if quarters {
            var (qy, q) = (year, (month - 1) / 3 + 1)
            for _ in 0..<5 {
                if let period = AssessmentPeriod(.quarter, year: qy, number: q) { periods.append(period) }
                (qy, q) = q == 1 ? (qy - 1, 4) : (qy, q - 1)
            }
        }
        let selected = chosen ?? periods.first?.key
        var options = periods.map { ["value": $0.key, "name": $0.label, "selected": $0.key == selected] as [String: Any] }
        if let chosen, !periods.contains(where: { $0.key == chosen }) {
            options.insert(["value": chosen, "name": AssessmentPeriod(key: chosen)?.label ?? chosen, "selected": true], at: 0)
        }
        return options
    }

    /// The indicators a unit may appeal, `chosen` selected, each marked with the kinds of unit it applies to.
    static func indicators(_ indicators: [AssessmentIndicator], chosen: String?) -> [[String: Any]] {
        indicators.map { indicator in
            let kinds = AssessmentPageContext.kindNames(indicator)
            return ["value": indicator.key, "name": "\(indicator.chineseName)(\(kinds))", "selected": indicator.key == chosen]
        }
    }

    /// `errors` for a template: the list at the top and `<field>Error` for each field's message.
    static func errors(_ errors: [FieldError], fields: [String]) -> [String: Any] {
        var context: [String: Any] = ["errors": errors.map { ["message": $0.message] }]
        for field in fields {
            if let message = errors.first(where: { $0.field == field })?.message { context[field + "Error"] = message }
        }
        return context
    }
}
