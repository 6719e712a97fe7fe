import Foundation

/// A mediation agreement (人民调解协议) that passed validation: the facts, the terms, how and by
/// when they are performed. It takes effect when the parties sign it (the signed copy is uploaded),
/// and the 30-day window for judicial confirmation runs from then.
public struct MediationAgreement: Sendable, Codable, Equatable {
    /// 纠纷事实及争议事项.
    public var facts: String
    public var terms: [AgreementTerm]
    public var performanceMethod: PerformanceMethod
    /// The day by which everything is performed: the latest of the terms' days, or later.
    public var performanceDeadline: CivilDate
    /// The day the agreement was reached (协议日期).
    public var concludedOn: CivilDate

    public init(facts: String, terms: [AgreementTerm], performanceMethod: PerformanceMethod,
                performanceDeadline: CivilDate, concludedOn: CivilDate) {
        self.facts = facts
        self.terms = terms
        self.performanceMethod = performanceMethod
        self.performanceDeadline = performanceDeadline
        self.concludedOn = concludedOn
    }

    /// The money all terms together pay, in 分.
    public var totalFen: Int64 { terms.reduce(0) { $0 + ($1.amountFen ?? 0) } }
}
