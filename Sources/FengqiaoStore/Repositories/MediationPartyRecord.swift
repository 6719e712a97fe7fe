import Foundation

/// A party of a mediation (`mediation_parties`); the phone sealed and masked.
public struct MediationPartyRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var mediationId: Int64
    public var side: String
    public var partyKind: String
    public var name: String
    public var phoneCipher: String?
    public var phoneMasked: String?
    public var createdAt: Int64

    public init(id: Int64? = nil, mediationId: Int64, side: String, partyKind: String, name: String, phoneCipher: String?,
                phoneMasked: String?, createdAt: Int64) {
        self.id = id
        self.mediationId = mediationId
        self.side = side
        self.partyKind = partyKind
        self.name = name
        self.phoneCipher = phoneCipher
        self.phoneMasked = phoneMasked
        self.createdAt = createdAt
    }
}
