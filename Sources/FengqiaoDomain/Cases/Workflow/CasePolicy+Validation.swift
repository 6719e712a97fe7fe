import Foundation

extension CasePolicy {
    /// The ranges an administrator may choose from.
    public enum Ranges {
        /// Mediation attempts per tier (三个三 is 3).
        public static let attempts = 1...10
        /// Reopens by a 不满意 revisit (0: never reopened, archived as 不满意 at once).
        public static let reopens = 0...5
        /// Units of a tier deadline: working days, days (statutory periods), working hours.
        public static let tierUnits: [ClockLimit.Unit] = [.workingDays, .calendarDays, .workingHours]
        /// Units of a check-in time and of the return window; minutes count the clock round (30 minutes
        /// when urgent, at night too).
        public static let shortUnits: [ClockLimit.Unit] = [.minutes, .workingHours, .workingDays]
    }

    /// Field errors of the policy, in Chinese: each tier's attempt limit and deadline in range, the
    /// check-in times and the return window in range and in an allowed unit, the reopen limit in range.
    public func problems() -> [FieldError] {
        var errors: [FieldError] = []
        for tier in MediationTier.allCases {
            let field = "attemptLimits.\(tier.rawValue)"
            if !Ranges.attempts.contains(attemptLimits[tier] ?? defaultAttemptLimit) {
                errors.append(FieldError(
                    field: field, code: "out_of_range",
                    message: "“\(tier.chineseName)”的调解次数上限须为\(Ranges.attempts.lowerBound)至\(Ranges.attempts.upperBound)次"))
            }
            errors += Self.check(tierLimit(at: tier), Ranges.tierUnits, field: "tierLimits.\(tier.rawValue)",
                                 label: "“\(tier.chineseName)”的调处时限")
        }
        errors += Self.check(urgentCheckIn, Ranges.shortUnits, field: "urgentCheckIn", label: "紧急案件的报到时限")
        errors += Self.check(normalCheckIn, Ranges.shortUnits, field: "normalCheckIn", label: "一般案件的报到时限")
        errors += Self.check(returnWindow, Ranges.shortUnits, field: "returnWindow", label: "退回时限")
        if !Ranges.reopens.contains(reopenLimit) {
            errors.append(FieldError(
                field: "reopenLimit", code: "out_of_range",
                message: "不满意重办次数须为\(Ranges.reopens.lowerBound)至\(Ranges.reopens.upperBound)次"))
        }
        return errors
    }

    private static func check(_ limit: ClockLimit, _ units: [ClockLimit.Unit], field: String, label: String)
        -> [FieldError]
    {
        guard units.contains(limit.unit) else {
            let allowed = units.map { $0.chineseName.replacingOccurrences(of: "个", with: "") }
            return [FieldError(field: field, code: "invalid_choice",
                               message: "\(label)的单位只能是\(allowed.joined(separator: "、"))")]
        }
        guard (1...limit.maximumAmount).contains(limit.amount) else {
            return [FieldError(field: field, code: "out_of_range",
                               message: "\(label)须为1至\(limit.maximumAmount)\(limit.unit.chineseName)")]
        }
        return []
    }
}
