import Foundation

/// A mediator that passed validation.
public struct ValidatedMediator: Sendable, Equatable {
    public var name: String
    public var phone: PhoneNumber?
    public var specialties: [MediationSpecialty]
    public var languages: [MediationLanguage]
    public var availability: MediatorAvailability
    public var active: Bool
}
