import Foundation

/// The case policy as an administrator submits it on the form (every field is text), before validation.
/// Field names, also those of the errors: `attemptLimits.<tier>`, `tierLimits.<tier>`, `urgentCheckIn`,
/// `normalCheckIn`, `returnWindow`, `reopenLimit`.
public struct CasePolicySubmission: Sendable, Equatable {
    /// A limit as typed: an amount and a unit code (`workingDays`, `workingHours`, `calendarDays`, `minutes`).
    public struct Limit: Sendable, Equatable {
        public var amount: String?
        public var unit: String?

        public init(amount: String? = nil, unit: String? = nil) {
            self.amount = amount
            self.unit = unit
        }

        public init(_ limit: ClockLimit) { self.init(amount: String(limit.amount), unit: limit.unit.rawValue) }
    }

    public var attemptLimits: [MediationTier: String]
    public var tierLimits: [MediationTier: Limit]
    public var escalatesWhenAttemptsExhausted: Bool
    public var escalatesWhenTierOverdue: Bool
    public var urgentCheckIn: Limit
    public var normalCheckIn: Limit
    public var returnWindow: Limit
    public var reopenLimit: String?

    public init(
        attemptLimits: [MediationTier: String] = [:], tierLimits: [MediationTier: Limit] = [:],
        escalatesWhenAttemptsExhausted: Bool = false, escalatesWhenTierOverdue: Bool = false,
        urgentCheckIn: Limit = Limit(), normalCheckIn: Limit = Limit(), returnWindow: Limit = Limit(),
        reopenLimit: String? = nil
    ) {
        self.attemptLimits = attemptLimits
        self.tierLimits = tierLimits
        self.escalatesWhenAttemptsExhausted = escalatesWhenAttemptsExhausted
        self.escalatesWhenTierOverdue = escalatesWhenTierOverdue
        self.urgentCheckIn = urgentCheckIn
        self.normalCheckIn = normalCheckIn
        self.returnWindow = returnWindow
        self.reopenLimit = reopenLimit
    }

    /// The submission of what `policy` holds (to fill the form).
    public init(_ policy: CasePolicy) {
        let tiers = MediationTier.allCases
        self.init(
            attemptLimits: Dictionary(uniqueKeysWithValues: tiers.map { ($0, String(policy.attemptLimit(at: $0))) }),
            tierLimits: Dictionary(uniqueKeysWithValues: tiers.map { ($0, Limit(policy.tierLimit(at: $0))) }),
            escalatesWhenAttemptsExhausted: policy.escalatesWhenAttemptsExhausted,
            escalatesWhenTierOverdue: policy.escalatesWhenTierOverdue, urgentCheckIn: Limit(policy.urgentCheckIn),
            normalCheckIn: Limit(policy.normalCheckIn), returnWindow: Limit(policy.returnWindow),
            reopenLimit: String(policy.reopenLimit))
    }

    /// The policy, or `DomainError.validation` listing every field that is missing, not a whole
    /// number, in an unknown or unsuitable unit, or out of range.
    public func validated() throws(DomainError) -> CasePolicy {
        var errors: [FieldError] = []
        func number(_ value: String?, _ field: String, _ label: String) -> Int? {
            guard let text = InputRules.text(value) else {
                errors.append(.required(field, label: label))
                return nil
            }
            guard text.count <= 6, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text) else {
                errors.append(FieldError(field: field, code: "not_a_number", message: "\(label)须填写整数"))
                return nil
            }
            return number
        }
        func limit(_ value: Limit, _ field: String, _ label: String) -> ClockLimit? {
            let amount = number(value.amount, field, label)
            guard let raw = InputRules.text(value.unit), let unit = ClockLimit.Unit(rawValue: raw) else {
                errors.append(FieldError(field: field, code: "invalid_choice", message: "请选择\(label)的单位"))
                return nil
            }
            return amount.map { ClockLimit(unit: unit, amount: $0) }
        }
        var policy = CasePolicy()
        for tier in MediationTier.allCases {
            let name = tier.chineseName
            if let n = number(attemptLimits[tier], "attemptLimits.\(tier.rawValue)", "“\(name)”的调解次数上限") {
                policy.attemptLimits[tier] = n
            }
            let deadline = limit(tierLimits[tier] ?? Limit(), "tierLimits.\(tier.rawValue)", "“\(name)”的调处时限")
            if let deadline { policy.tierLimits[tier] = deadline }
        }
        policy.escalatesWhenAttemptsExhausted = escalatesWhenAttemptsExhausted
        policy.escalatesWhenTierOverdue = escalatesWhenTierOverdue
        if let value = limit(urgentCheckIn, "urgentCheckIn", "紧急案件的报到时限") { policy.urgentCheckIn = value }
        if let value = limit(normalCheckIn, "normalCheckIn", "一般案件的报到时限") { policy.normalCheckIn = value }
        if let value = limit(returnWindow, "returnWindow", "退回时限") { policy.returnWindow = value }
        if let value = number(reopenLimit, "reopenLimit", "不满意重办次数") { policy.reopenLimit = value }
        let fieldsWithErrors = Set(errors.map(\.field))
        errors += policy.problems().filter { !fieldsWithErrors.contains($0.field) }
        guard errors.isEmpty else { throw .validation(errors) }
        return policy
    }
}
