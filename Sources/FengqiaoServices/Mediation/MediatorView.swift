import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A mediator as the registry lists them: the phone masked only, names in Chinese beside the codes.
public struct MediatorView: Sendable, Codable, Equatable {
    public var id: Int64
    public var organizationId: Int64
    public var areaCode: String
    public var name: String
    public var phone: String?
    public var specialties: [String]
    public var specialtyNames: [String]
    public var languages: [String]
    public var languageNames: [String]
    public var availability: String
    public var availabilityName: String
    public var active: Bool
    /// Open mediations assigned to them now (待调解, 调解中).
    public var load: Int
    /// Track record: mediations that ended in success, and all that ended with an outcome.
    public var succeeded: Int
    public var concluded: Int

    init(_ record: MediatorRecord, counts: [String: Int] = [:]) {
        id = record.id ?? 0
        organizationId = record.organizationId
        areaCode = record.areaCode
        name = record.name
        phone = record.phoneMasked
        let specialties = Self.specialties(record.specialties)
        self.specialties = specialties.map(\.rawValue)
        specialtyNames = specialties.map(\.chineseName)
        let languages = Self.languages(record.languages)
        self.languages = languages.map(\.rawValue)
        languageNames = languages.map(\.chineseName)
        availability = record.availability
        availabilityName = MediatorAvailability(rawValue: record.availability)?.chineseName ?? record.availability
        active = record.active == 1
        load = MediationCaseState.openStates.reduce(0) { $0 + (counts[$1.rawValue] ?? 0) }
        succeeded = counts[MediationCaseState.succeeded.rawValue] ?? 0
        concluded = MediationCaseState.concludedStates.reduce(0) { $0 + (counts[$1.rawValue] ?? 0) }
    }

    static func specialties(_ stored: String) -> [MediationSpecialty] {
        stored.split(separator: ",").compactMap { MediationSpecialty(rawValue: String($0)) }
    }

    static func languages(_ stored: String) -> [MediationLanguage] {
        stored.split(separator: ",").compactMap { MediationLanguage(rawValue: String($0)) }
    }
}
