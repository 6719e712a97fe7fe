import Foundation

/// A referral that passed validation; `day` is `yyyy-MM-dd` (Beijing).
public struct ValidatedMediationReferral: Sendable, Equatable {
    public var kind: MediationReferralKind
    public var counterpart: String
    public var reference: String?
    public var note: String?
    public var day: String
}
