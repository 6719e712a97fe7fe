import FengqiaoDomain
import FengqiaoStore
import Foundation

extension MediationCases {
    /// Mediators suggested for mediation `number`: ranked for its dispute type and area (specialty, then
    /// closeness, then load), speaking `language` when one is asked for.
    public func suggestions(number: String, language: String? = nil, caller: Caller, limit: Int = 10) async throws
        -> [MediatorSuggestion]
    {
        let staff = caller.staff
        try staff.require(.viewCases)
        var errors: [FieldError] = []
        let parsedLanguage = try MediationRegistry.language(language, errors: &errors)
        guard errors.isEmpty else { throw DomainError.validation(errors) }
        return try await platform.database.read { db in
            let record = try await Self.visible(number, staff: staff, in: db)
            let specialty = MediationSpecialty(rawValue: record.specialty) ?? .other
            return try await MediationRegistry.ranked(specialty: specialty, area: record.areaCode, language: parsedLanguage,
                                                      staff: staff, limit: limit, in: db)
        }
    }
}
