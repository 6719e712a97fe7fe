import Foundation

/// A party of a mediation that passed validation; the phone is sealed and masked by the services.
public struct MediationParty: Sendable, Equatable {
    public var side: MediationPartySide
    public var kind: MediationPartyKind
    public var name: String
    public var phone: PhoneNumber?

    public init(side: MediationPartySide, kind: MediationPartyKind, name: String, phone: PhoneNumber?) {
        self.side = side
        self.kind = kind
        self.name = name
        self.phone = phone
    }
}
