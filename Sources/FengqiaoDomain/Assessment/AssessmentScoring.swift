import Foundation

/// 统一模版智能评分 plus 亮点人工赋分: a unit's score from its measured values and its approved adjustments. The same
/// inputs always give the same score, so a closed period recomputes to the same numbers.
public enum AssessmentScoring {
    /// - Parameter values: the unit's measured values; an indicator with no value counts as nothing to measure
    ///   (a rate) or as zero (a count).
    /// - Parameter waived: indicators an upheld appeal took out whole (该项不予考核): full points.
    public static func score(
        unit: String, name: String, template: AssessmentTemplate, values: [AssessmentIndicator: IndicatorValue],
        adjustments: [ManualAdjustment] = [], waived: Set<AssessmentIndicator> = []
    ) -> UnitScore {
        let indicators = template.rules.map { rule in
            let value = values[rule.indicator] ?? (rule.indicator.isRate ? .rate(0, of: 0) : .count(0))
            let isWaived = waived.contains(rule.indicator)
            return IndicatorScore(rule: rule, value: value, points: isWaived ? rule.weight : rule.points(for: value),
                                  waived: isWaived)
        }
        let awards = adjustments.filter { $0.kind == .award }.reduce(0) { $0 + max(0, $1.points) }
        let deductions = adjustments.filter { $0.kind == .deduction }.reduce(0) { $0 + max(0, $1.points) }
        return UnitScore(unit: unit, name: name, indicators: indicators, awarded: min(awards, template.awardCap),
                         deducted: deductions)
    }
}
