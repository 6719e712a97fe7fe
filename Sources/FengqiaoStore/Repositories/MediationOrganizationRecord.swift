import Foundation

/// A mediation organisation (`mediation_organizations`).
public struct MediationOrganizationRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var areaCode: String
    public var kind: String
    public var name: String
    public var address: String?
    public var phoneCipher: String?
    public var phoneMasked: String?
    public var active: Int
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int64? = nil, areaCode: String, kind: String, name: String, address: String?, phoneCipher: String?,
                phoneMasked: String?, active: Int, createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.areaCode = areaCode
        self.kind = kind
        self.name = name
        self.address = address
        self.phoneCipher = phoneCipher
        self.phoneMasked = phoneMasked
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
