import Foundation

/// How a template scores one indicator: up to `weight` points, full at `target`, none at `floor`, straight in between.
/// For a rate the marks are shares (0…1); for a count, numbers. When more is better the floor lies below the target
/// (办结率: full at 95%, none at 60%); when less is better above it (超期件数: full at 0, none at 10).
public struct IndicatorRule: Sendable, Hashable, Codable {
    public var indicator: AssessmentIndicator
    public var weight: Double
    public var target: Double
    public var floor: Double

    public init(_ indicator: AssessmentIndicator, weight: Double, target: Double, floor: Double) {
        self.indicator = indicator
        self.weight = weight
        self.target = target
        self.floor = floor
    }

    /// The points `value` earns, to the hundredth. A rate with nothing to count from (no cases dispatched, no
    /// revisits) takes full points: a unit is not marked down for work it was not given.
    public func points(for value: IndicatorValue) -> Double {
        guard let v = value.value else { return weight }
        let share = (v - floor) / (target - floor)
        return ((weight * min(1, max(0, share))) * 100).rounded() / 100
    }

    /// What is wrong with this rule, for the template form (`field` names it there).
    public func problems(field: String) -> [FieldError] {
        var errors: [FieldError] = []
        if !(weight > 0 && weight <= 100) {
            errors.append(FieldError(field: "\(field).weight", code: "out_of_range", message: "\(indicator.chineseName)的分值应在 0 到 100 分之间"))
        }
        if indicator.isRate && !((0...1).contains(target) && (0...1).contains(floor)) {
            errors.append(FieldError(field: "\(field).target", code: "out_of_range", message: "\(indicator.chineseName)的目标值和零分线应在 0% 到 100% 之间"))
        } else if !indicator.isRate && (target < 0 || floor < 0) {
            errors.append(FieldError(field: "\(field).target", code: "out_of_range", message: "\(indicator.chineseName)的目标值和零分线不能为负数"))
        }
        if indicator.higherIsBetter ? !(floor < target) : !(floor > target) {
            let side = indicator.higherIsBetter ? "低于" : "高于"
            errors.append(FieldError(field: "\(field).floor", code: "invalid_range", message: "\(indicator.chineseName)的零分线应\(side)目标值"))
        }
        return errors
    }
}
