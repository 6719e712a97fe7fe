import Foundation

/// A resident row. Identifiers are stored sealed (AES-GCM), with a keyed blind index for lookups and
/// a masked form for display; the plaintext is never stored.
public struct PersonRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var name: String
    /// `male` or `female`.
    public var gender: String
    public var birthYear: Int
    public var idNumberCipher: String
    public var idNumberIndex: String
    public var idNumberMasked: String
    public var phoneCipher: String?
    public var phoneMasked: String?
    public var gridCode: String
    public var address: String
    /// Tag names (Chinese), comma-separated.
    public var tags: String
    public var createdAt: Int64
    public var householdId: Int64?
    public var relation: String?

    public init(
        id: Int64? = nil, name: String, gender: String, birthYear: Int, idNumberCipher: String, idNumberIndex: String,
        idNumberMasked: String, phoneCipher: String?, phoneMasked: String?, gridCode: String, address: String,
        tags: String, createdAt: Int64, householdId: Int64? = nil, relation: String? = nil
    ) {
        self.id = id
        self.name = name
        self.gender = gender
        self.birthYear = birthYear
        self.idNumberCipher = idNumberCipher
        self.idNumberIndex = idNumberIndex
        self.idNumberMasked = idNumberMasked
        self.phoneCipher = phoneCipher
        self.phoneMasked = phoneMasked
        self.gridCode = gridCode
        self.address = address
        self.tags = tags
        self.createdAt = createdAt
        self.householdId = householdId
        self.relation = relation
    }
}
