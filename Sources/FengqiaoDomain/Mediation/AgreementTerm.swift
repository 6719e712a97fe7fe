import Foundation

/// One term of a mediation agreement (协议条款): who owes what, how much and by when.
public struct AgreementTerm: Sendable, Codable, Equatable {
    /// The side that must perform it.
    public var obligor: MediationPartySide
    public var content: String
    /// Money to pay, in 分; nil for a term without money (an apology, a repair, moving out).
    public var amountFen: Int64?
    /// The day it must be done by; nil for a term performed at signing.
    public var dueOn: CivilDate?

    public init(obligor: MediationPartySide, content: String, amountFen: Int64? = nil, dueOn: CivilDate? = nil) {
        self.obligor = obligor
        self.content = content
        self.amountFen = amountFen
        self.dueOn = dueOn
    }
}
