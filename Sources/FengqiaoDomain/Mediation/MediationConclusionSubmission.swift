import Foundation

/// How the mediator ends a mediation, before validation.
public struct MediationConclusionSubmission: Sendable, Codable, Equatable {
    public var outcome: String?
    public var agreement: MediationAgreementSubmission?
    public var route: String?
    public var note: String?

    public init(outcome: String? = nil, agreement: MediationAgreementSubmission? = nil, route: String? = nil,
                note: String? = nil) {
        self.outcome = outcome
        self.agreement = agreement
        self.route = route
        self.note = note
    }

    public static let noteLimit = 1000

    /// Checks every field and lists every problem; an agreement is dated `today`.
    /// - 调解成功: an agreement; 部分达成: an agreement, the route of the rest and a note of what is left;
    ///   调解不成: the route and the reason. An agreement sent with a failure is refused, not dropped.
    public func validate(today: CivilDate) throws(DomainError) -> MediationConclusion {
        var errors: [FieldError] = []
        var outcome: MediationOutcome?
        if let raw = InputRules.text(self.outcome) {
            outcome = MediationOutcome(named: raw)
            if outcome == nil { errors.append(FieldError(field: "outcome", code: "unknown", message: "没有这种调解结果")) }
        } else {
            errors.append(.required("outcome", label: "调解结果"))
        }
        var agreement: MediationAgreement?
        if outcome == .succeeded || outcome == .partial {
            if let submitted = self.agreement {
                agreement = submitted.validate(today: today, errors: &errors)
            } else {
                errors.append(FieldError(field: "agreement", code: "required", message: "达成协议的,请填写调解协议"))
            }
        } else if outcome == .failed, self.agreement != nil {
            errors.append(FieldError(field: "agreement", code: "not_allowed", message: "调解不成的,不能同时提交调解协议"))
        }
        var route: MediationFailureRoute?
        if let raw = InputRules.text(self.route) {
            route = MediationFailureRoute(named: raw)
            if route == nil { errors.append(FieldError(field: "route", code: "unknown", message: "没有这种后续途径")) }
        } else if outcome == .failed || outcome == .partial {
            errors.append(FieldError(field: "route", code: "required", message: "请选择未化解部分的后续途径"))
        }
        if outcome == .succeeded, route != nil {
            errors.append(FieldError(field: "route", code: "not_allowed", message: "调解成功的,无需选择后续途径"))
        }
        var note: String?
        if outcome == .failed || outcome == .partial {
            note = InputRules.required(self.note, field: "note", label: outcome == .failed ? "调解不成的原因" : "未化解的事项",
                                       max: Self.noteLimit, errors: &errors)
        } else if let raw = InputRules.text(self.note) {
            if raw.count > Self.noteLimit { errors.append(.tooLong("note", label: "说明", max: Self.noteLimit)) } else { note = raw }
        }
        guard errors.isEmpty, let outcome else { throw .validation(errors) }
        return MediationConclusion(outcome: outcome, agreement: agreement, route: route, note: note)
    }
}
