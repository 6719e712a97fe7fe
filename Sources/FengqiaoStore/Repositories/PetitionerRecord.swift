import Foundation

/// A `petitioners` row: one petitioner of a petition, identifiers sealed, indexed and masked.
public struct PetitionerRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var petitionId: Int64
    public var position: Int
    public var name: String
    public var idNumberCipher: String?
    public var idNumberIndex: String?
    public var idNumberMasked: String?
    public var phoneCipher: String?
    public var phoneMasked: String?
    public var personId: Int64?

    public init(
        id: Int64? = nil, petitionId: Int64, position: Int, name: String, idNumberCipher: String?,
        idNumberIndex: String?, idNumberMasked: String?, phoneCipher: String?, phoneMasked: String?, personId: Int64?
    ) {
        self.id = id
        self.petitionId = petitionId
        self.position = position
        self.name = name
        self.idNumberCipher = idNumberCipher
        self.idNumberIndex = idNumberIndex
        self.idNumberMasked = idNumberMasked
        self.phoneCipher = phoneCipher
        self.phoneMasked = phoneMasked
        self.personId = personId
    }
}
