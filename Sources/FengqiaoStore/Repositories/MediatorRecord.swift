import Foundation

/// A mediator (`mediators`); `areaCode` is their organisation's.
public struct MediatorRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var organizationId: Int64
    public var areaCode: String
    public var name: String
    public var phoneCipher: String?
    public var phoneMasked: String?
    public var specialties: String
    public var languages: String
    public var availability: String
    public var active: Int
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int64? = nil, organizationId: Int64, areaCode: String, name: String, phoneCipher: String?,
                phoneMasked: String?, specialties: String, languages: String, availability: String, active: Int,
                createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.organizationId = organizationId
        self.areaCode = areaCode
        self.name = name
        self.phoneCipher = phoneCipher
        self.phoneMasked = phoneMasked
        self.specialties = specialties
        self.languages = languages
        self.availability = availability
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
