import Foundation

/// The rules for points given by hand: highlight awards (亮点工作加分) within the template's cap per period, and
/// deductions (通报批评扣分), both in hundredths of a point and only for a month that has begun.
public enum ManualPointRules {
    /// The most a single 通报批评 may take off (a score is out of 100).
    public static let maxDeduction: Double = 20
    public static let maxTitleLength = 60
    public static let maxTextLength = 2000
    public static let maxDocumentNumberLength = 60
    /// An appeal's reasons must say at least this much.
    public static let minAppealReasonLength = 10

    /// Points as typed (`2`, `1.5`, `0.25`): positive, at most `max`, to the hundredth.
    public static func points(_ text: String?, field: String = "points", max: Double, errors: inout [FieldError]) -> Double? {
        guard let raw = InputRules.text(text) else {
            errors.append(.required(field, label: "分值"))
            return nil
        }
        guard let value = Double(raw), value.isFinite else {
            errors.append(.invalid(field, label: "分值"))
            return nil
        }
        guard abs((value * 100).rounded() - value * 100) < 1e-6 else {
            errors.append(FieldError(field: field, code: "too_precise", message: "分值最多保留两位小数"))
            return nil
        }
        guard value > 0, value <= max + 1e-9 else {
            errors.append(FieldError(field: field, code: "out_of_range",
                                     message: "分值应大于 0 且不超过 \(AssessmentTemplate.points(max)) 分"))
            return nil
        }
        return (value * 100).rounded() / 100
    }

    /// A month (`2026-11`) that has begun by `now`, for awards and deductions; with `quarters`, a quarter too
    /// (`2026-Q4`, for appeals).
    public static func period(_ text: String?, now: Date, quarters: Bool = false, field: String = "period",
                              errors: inout [FieldError]) -> AssessmentPeriod?
    {
        guard let raw = InputRules.text(text) else {
            errors.append(.required(field, label: "考核期"))
            return nil
        }
        guard let period = AssessmentPeriod(key: raw), quarters || period.kind == .month else {
            errors.append(FieldError(field: field, code: "invalid_format",
                                     message: quarters ? "考核期应为月份(如 2026-11)或季度(如 2026-Q4)" : "考核期应为月份,如 2026-11"))
            return nil
        }
        guard period.start <= now else {
            errors.append(FieldError(field: field, code: "not_started", message: "\(period.label)尚未开始"))
            return nil
        }
        return period
    }

    /// Approving `points` for a unit that already has `approved` points in the period must stay within `cap`.
    public static func checkCap(adding points: Double, approved: Double, cap: Double, periodLabel: String) throws(DomainError) {
        let remaining = max(0, cap - approved)
        guard points <= remaining + 1e-9 else {
            let message = remaining <= 1e-9
                ? "\(periodLabel)该单位已批准亮点加分 \(AssessmentTemplate.points(approved)) 分,已达上限 \(AssessmentTemplate.points(cap)) 分,不能再批准"
                : "\(periodLabel)该单位已批准亮点加分 \(AssessmentTemplate.points(approved)) 分,上限 \(AssessmentTemplate.points(cap)) 分,最多还可批准 \(AssessmentTemplate.points(remaining)) 分"
            throw .validation([FieldError(field: "points", code: "over_cap", message: message)])
        }
    }

    /// A required text of at least `min` and at most `max` characters.
    public static func text(_ value: String?, field: String, label: String, min: Int = 1, max: Int,
                            errors: inout [FieldError]) -> String?
    {
        guard let text = InputRules.required(value, field: field, label: label, max: max, errors: &errors) else { return nil }
        guard text.count >= min else {
            errors.append(FieldError(field: field, code: "too_short", message: "\(label)至少写\(min)个字"))
            return nil
        }
        return text
    }
}
