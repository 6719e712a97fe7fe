import Foundation

/// 统一模版: the indicators a kind of unit is scored on in a kind of period, weights adding up to 100, plus the most
/// highlight points (亮点工作) a unit may be awarded on top in one period.
public struct AssessmentTemplate: Sendable, Hashable, Codable {
    public var name: String
    public var unitKind: AssessedUnitKind
    public var periodKind: AssessmentPeriodKind
    public var rules: [IndicatorRule]
    public var awardCap: Double

    public init(name: String, unitKind: AssessedUnitKind, periodKind: AssessmentPeriodKind, rules: [IndicatorRule], awardCap: Double) {
        self.name = name
        self.unitKind = unitKind
        self.periodKind = periodKind
        self.rules = rules
        self.awardCap = awardCap
    }

    public static let maxNameLength = 40

    /// Everything wrong with the template, field by field; empty when it can be used.
    public func problems() -> [FieldError] {
        var errors: [FieldError] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { errors.append(.required("name", label: "模版名称")) }
        if trimmed.count > Self.maxNameLength { errors.append(.tooLong("name", label: "模版名称", max: Self.maxNameLength)) }
        if rules.isEmpty {
            errors.append(FieldError(field: "rules", code: "required", message: "请至少选择一项考核指标"))
        }
        var seen = Set<AssessmentIndicator>()
        for (i, rule) in rules.enumerated() {
            if !seen.insert(rule.indicator).inserted {
                errors.append(FieldError(field: "rules[\(i)].indicator", code: "duplicate", message: "\(rule.indicator.chineseName)重复"))
            }
            if !rule.indicator.unitKinds.contains(unitKind) {
                errors.append(FieldError(field: "rules[\(i)].indicator", code: "not_applicable",
                                         message: "\(rule.indicator.chineseName)不适用于\(unitKind.chineseName)"))
            }
            errors += rule.problems(field: "rules[\(i)]")
        }
        let total = rules.reduce(0) { $0 + $1.weight }
        if !rules.isEmpty && abs(total - 100) > 0.001 {
            errors.append(FieldError(field: "rules", code: "weights_total", message: "各项指标分值合计应为 100 分,现为 \(AssessmentTemplate.points(total)) 分"))
        }
        if !(0...20).contains(awardCap) {
            errors.append(FieldError(field: "awardCap", code: "out_of_range", message: "亮点加分上限应在 0 到 20 分之间"))
        }
        return errors
    }

    /// Points as people write them: no decimals when whole, else to the hundredth.
    public static func points(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        return hundredths.truncatingRemainder(dividingBy: 100) == 0 ? String(Int(hundredths / 100)) : String(format: "%.2f", hundredths / 100)
    }
}
