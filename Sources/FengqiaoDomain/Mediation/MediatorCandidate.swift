import Foundation

/// A mediator as the suggestion ranking sees them: where their organisation lies and how busy they are.
public struct MediatorCandidate: Sendable, Equatable {
    public var id: Int64
    public var areaCode: String
    public var specialties: [MediationSpecialty]
    public var languages: [MediationLanguage]
    public var availability: MediatorAvailability
    public var active: Bool
    /// Open cases the mediator carries now.
    public var load: Int

    public init(id: Int64, areaCode: String, specialties: [MediationSpecialty], languages: [MediationLanguage],
                availability: MediatorAvailability = .available, active: Bool = true, load: Int = 0) {
        self.id = id
        self.areaCode = areaCode
        self.specialties = specialties
        self.languages = languages
        self.availability = availability
        self.active = active
        self.load = load
    }
}
