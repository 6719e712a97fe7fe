import Foundation

/// 统一模版智能评分 plus 亮点人工赋分: a unit's score from its measured values and its approved adjustments. The same
/// inputs always give the same score, so a closed period recomputes to the same numbers.
public enum AssessmentScoring {
    /// - Parameter values: the unit's measured and reported values; a measured indicator with no value counts as
    ///   nothing to measure (a rate) or as zero (a count); a reported one with no value as 未填报 (no points).
    /// - Parameter waived: the keys of indicators an upheld appeal took out whole (该项不予考核): full points.
    public static func score(
        unit: String, name: String, template: AssessmentTemplate, values: [AssessmentIndicator: IndicatorValue],
        adjustments: [ManualAdjustment] = [], waived: Set<String> = []
    ) -> UnitScore {
        let indicators = template.rules.map { rule in
            let indicator = rule.indicator, found = values[indicator]
            let value = found ?? (indicator.isRate ? .rate(0, of: 0) : .count(0))
            if waived.contains(indicator.key) {
                return IndicatorScore(rule: rule, value: value, points: rule.weight, waived: true)
            }
            if found == nil && indicator.source == .reported {
                return IndicatorScore(rule: rule, value: value, points: 0, unreported: true)
            }
            return IndicatorScore(rule: rule, value: value, points: rule.points(for: value))
        }
        let awards = adjustments.filter { $0.kind == .award }.reduce(0) { $0 + max(0, $1.points) }
        let deductions = adjustments.filter { $0.kind == .deduction }.reduce(0) { $0 + max(0, $1.points) }
        return UnitScore(unit: unit, name: name, indicators: indicators, awarded: min(awards, template.awardCap),
                         deducted: deductions)
    }
}
