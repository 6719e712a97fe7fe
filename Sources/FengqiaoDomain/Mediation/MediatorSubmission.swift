import Foundation

/// A mediator (调解员) as an administrator adds or changes them, before validation. Specialties,
/// languages and availability take the machine or the Chinese names.
public struct MediatorSubmission: Sendable, Codable, Equatable {
    public var organizationId: Int64?
    public var name: String?
    public var phone: String?
    public var specialties: [String]?
    public var languages: [String]?
    public var availability: String?
    public var active: Bool?

    public init(organizationId: Int64? = nil, name: String? = nil, phone: String? = nil, specialties: [String]? = nil,
                languages: [String]? = nil, availability: String? = nil, active: Bool? = nil) {
        self.organizationId = organizationId
        self.name = name
        self.phone = phone
        self.specialties = specialties
        self.languages = languages
        self.availability = availability
        self.active = active
    }

    public static let nameLimit = 30

    /// Checks every field (the organisation is the service's to check) and lists every problem.
    public func validate() throws(DomainError) -> ValidatedMediator {
        var errors: [FieldError] = []
        let name = InputRules.required(self.name, field: "name", label: "调解员姓名", max: Self.nameLimit, errors: &errors)
        var phone: PhoneNumber?
        if let raw = InputRules.text(self.phone) {
            phone = PhoneNumber(raw)
            if phone == nil { errors.append(.invalid("phone", label: "联系电话")) }
        }
        var specialties: [MediationSpecialty] = []
        for raw in (self.specialties ?? []).compactMap(InputRules.text) {
            if let value = MediationSpecialty(named: raw) {
                if !specialties.contains(value) { specialties.append(value) }
            } else {
                errors.append(FieldError(field: "specialties", code: "unknown", message: "没有“\(raw.prefix(20))”这种调解专长"))
            }
        }
        if specialties.isEmpty, !errors.contains(where: { $0.field == "specialties" }) {
            errors.append(FieldError(field: "specialties", code: "required", message: "请至少选择一项调解专长"))
        }
        var languages: [MediationLanguage] = []
        for raw in (self.languages ?? []).compactMap(InputRules.text) {
            if let value = MediationLanguage(named: raw) {
                if !languages.contains(value) { languages.append(value) }
            } else {
                errors.append(FieldError(field: "languages", code: "unknown", message: "没有“\(raw.prefix(20))”这种语言"))
            }
        }
        if languages.isEmpty { languages = [.mandarin] }
        var availability = MediatorAvailability.available
        if let raw = InputRules.text(self.availability) {
            if let value = MediatorAvailability(named: raw) { availability = value } else {
                errors.append(FieldError(field: "availability", code: "unknown", message: "没有这种接案状态"))
            }
        }
        guard errors.isEmpty, let name else { throw .validation(errors) }
        return ValidatedMediator(name: name, phone: phone, specialties: specialties, languages: languages,
                                 availability: availability, active: active ?? true)
    }
}
