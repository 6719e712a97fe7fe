import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The template form (`/admin/assessment-templates/{kind}/{periodKind}`): per indicator that may be chosen for the kind
/// (`indicators`: the built-in ones that apply and the active ones the assessor defined),
/// `include_<indicator>` (checkbox), `weight_…`, `target_…` and `floor_…` (rates entered as %), plus `name` and
/// `awardCap`. Numbers that do not read are field errors here; the rest is `AssessmentTemplate.problems()`, whose
/// `rules[i].…` fields are renamed to the form's.
struct AssessmentTemplateInput {
    let unitKind: AssessedUnitKind
    let periodKind: AssessmentPeriodKind
    let indicators: [AssessmentIndicator]

    /// The template the form describes, and every field error in it (none when it may be saved).
    func template(_ fields: FormFields) -> (template: AssessmentTemplate, errors: [FieldError]) {
        var errors: [FieldError] = []
        func number(_ field: String, label: String, rate: Bool = false) -> Double {
            let text = (fields[field] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            guard let value = Double(text), value.isFinite else {
                errors.append(FieldError(field: field, code: "invalid", message: "\(label)应填写数字"))
                return 0
            }
            return rate ? value / 100 : value
        }
        var rules: [IndicatorRule] = []
        for indicator in indicators where fields["include_\(indicator.key)"] != nil {
            let code = indicator.key, name = indicator.chineseName, rate = indicator.isRate
            let weight = number("weight_\(code)", label: "\(name)的分值")
            let target = number("target_\(code)", label: "\(name)的目标值", rate: rate)
            let floor = number("floor_\(code)", label: "\(name)的零分线", rate: rate)
            rules.append(IndicatorRule(indicator, weight: weight, target: target, floor: floor))
        }
        let awardCap = number("awardCap", label: "亮点加分上限")
        let template = AssessmentTemplate(name: (fields["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                          unitKind: unitKind, periodKind: periodKind, rules: rules, awardCap: awardCap)
        let problems = template.problems().map { Self.rename($0, rules: rules) }
        // A number that did not read was taken as 0; its own message says why, not the range check's.
        let unread = Set(errors.map(\.field))
        errors += problems.filter { !unread.contains($0.field) }
        return (template, errors)
    }

    /// `rules[2].weight` → `weight_satisfaction`; `rules[2].indicator` → `include_satisfaction`.
    static func rename(_ error: FieldError, rules: [IndicatorRule]) -> FieldError {
        guard error.field.hasPrefix("rules["), let close = error.field.firstIndex(of: "]"),
              let index = Int(error.field[error.field.index(error.field.startIndex, offsetBy: 6)..<close]),
              rules.indices.contains(index)
        else { return error }
        let part = error.field[close...].dropFirst(2)
        let name = part == "indicator" ? "include" : String(part)
        return FieldError(field: "\(name)_\(rules[index].indicator.key)", code: error.code, message: error.message)
    }

    /// The form's context: what was typed (`fields`) or the template's values, with the errors beside their fields.
    static func form(_ template: AssessmentTemplate, indicators: [AssessmentIndicator], fields: FormFields?, errors: [FieldError])
        -> [String: Any]
    {
        func message(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let kind = template.unitKind, periodKind = template.periodKind
        let rules = Dictionary(template.rules.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        return [
            "title": "编辑考核模版", "kindName": kind.chineseName, "periodName": periodKind.chineseName,
            "action": "/admin/assessment-templates/\(kind.rawValue)/\(periodKind.rawValue)",
            "name": fields?["name"] ?? template.name, "nameError": message("name") as Any,
            "awardCap": fields?["awardCap"] ?? AssessmentTemplate.points(template.awardCap),
            "awardCapError": message("awardCap") as Any, "rulesError": message("rules") as Any,
            "errors": errors.map { ["message": $0.message] },
            "indicators": indicators.map { indicator -> [String: Any] in
                let code = indicator.key, rule = rules[indicator], rate = indicator.isRate
                func shown(_ value: Double?) -> String {
                    value.map { rate ? AssessmentTemplate.points($0 * 100) : AssessmentTemplate.points($0) } ?? ""
                }
                let included = fields.map { $0["include_\(code)"] != nil } ?? (rule != nil)
                let fieldErrors = ["include", "weight", "target", "floor"].compactMap { message("\($0)_\(code)") }
                return [
                    "code": code, "name": indicator.chineseName, "source": AssessmentPageContext.source(indicator) as Any,
                    "included": included, "unit": rate ? "%" : "",
                    "rate": rate, "lowerIsBetter": !indicator.higherIsBetter,
                    "weight": fields?["weight_\(code)"] ?? rule.map { AssessmentTemplate.points($0.weight) } ?? "",
                    "target": fields?["target_\(code)"] ?? shown(rule?.target),
                    "floor": fields?["floor_\(code)"] ?? shown(rule?.floor),
                    "weightInvalid": message("weight_\(code)") != nil, "targetInvalid": message("target_\(code)") != nil,
                    "floorInvalid": message("floor_\(code)") != nil,
                    "errors": fieldErrors.map { ["message": $0] },
                ]
            },
        ]
    }
}
