import Foundation

/// A mediation organisation that passed validation.
public struct ValidatedMediationOrganization: Sendable, Equatable {
    public var areaCode: AreaCode
    public var kind: MediationOrganizationKind
    public var name: String
    public var address: String?
    public var phone: PhoneNumber?
    public var active: Bool
}
