import Foundation

/// An agreement as the mediator types it, before validation.
public struct MediationAgreementSubmission: Sendable, Codable, Equatable {
    public var facts: String?
    public var terms: [AgreementTermSubmission]?
    public var performanceMethod: String?
    public var performanceDeadline: String?

    public init(facts: String? = nil, terms: [AgreementTermSubmission]? = nil, performanceMethod: String? = nil,
                performanceDeadline: String? = nil) {
        self.facts = facts
        self.terms = terms
        self.performanceMethod = performanceMethod
        self.performanceDeadline = performanceDeadline
    }

    public static let factsLimit = 2000
    public static let termLimit = 20

    /// Checks every field and lists every problem; the agreement is dated `today`. Problems go to
    /// `errors` so a conclusion can report them together with its own.
    func validate(today: CivilDate, errors: inout [FieldError]) -> MediationAgreement? {
        let facts = InputRules.required(self.facts, field: "facts", label: "纠纷事实及争议事项", max: Self.factsLimit, errors: &errors)
        let submitted = (self.terms ?? []).enumerated().filter { !$0.element.isBlank }
        var terms: [AgreementTerm] = []
        if submitted.isEmpty {
            errors.append(FieldError(field: "terms", code: "required", message: "请至少填写一项协议条款"))
        } else if submitted.count > Self.termLimit {
            errors.append(FieldError(field: "terms", code: "too_many", message: "协议条款最多\(Self.termLimit)项"))
        } else {
            for (index, term) in submitted {
                if let valid = term.validate(index: index, concludedOn: today, errors: &errors) { terms.append(valid) }
            }
        }
        var method: PerformanceMethod?
        if let raw = InputRules.text(performanceMethod) {
            method = PerformanceMethod(named: raw)
            if method == nil { errors.append(FieldError(field: "performanceMethod", code: "unknown", message: "没有这种履行方式")) }
        } else {
            errors.append(.required("performanceMethod", label: "履行方式"))
        }
        let latestTerm = terms.compactMap(\.dueOn).max()
        var deadline: CivilDate?
        if let raw = InputRules.text(performanceDeadline) {
            if let day = CivilDate(raw) {
                if day < today {
                    errors.append(FieldError(field: "performanceDeadline", code: "before_agreement", message: "履行期限不能早于协议日期"))
                } else if let latestTerm, day < latestTerm {
                    errors.append(FieldError(field: "performanceDeadline", code: "before_terms",
                                             message: "履行期限不能早于条款中最晚的履行日期 \(latestTerm)"))
                } else {
                    deadline = day
                }
            } else {
                errors.append(FieldError(field: "performanceDeadline", code: "invalid_format", message: "履行期限格式不正确,应如 2026-03-01"))
            }
        } else if method == .immediate {
            deadline = latestTerm ?? today
        } else if method != nil {
            errors.append(.required("performanceDeadline", label: "履行期限"))
        }
        guard let facts, let method, let deadline, terms.count == submitted.count, !terms.isEmpty else { return nil }
        return MediationAgreement(facts: facts, terms: terms, performanceMethod: method, performanceDeadline: deadline,
                                  concludedOn: today)
    }
}
