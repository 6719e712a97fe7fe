import Foundation

/// An opening that passed validation. Opened from a case, `facts`, `areaCode` and `parties` may be
/// empty: the case's are taken.
public struct ValidatedMediationOpening: Sendable, Equatable {
    public var caseNumber: String?
    public var specialty: MediationSpecialty
    public var facts: String?
    public var amountFen: Int64
    public var areaCode: AreaCode?
    public var organizationId: Int64?
    public var mediatorId: Int64?
    public var parties: [MediationParty]
    public var referral: ValidatedMediationReferral?
}
