import Foundation

/// A resident that passed validation.
public struct ValidatedResident: Sendable, Equatable {
    public let name: String
    public let idNumber: ResidentIdentityNumber
    public let phone: PhoneNumber?
    public let gridCode: AreaCode
    public let address: String
    public let relation: HouseholdRelation?
    public let tags: [PersonTag]

    /// Birth year from the ID number (positions 7–10).
    public var birthYear: Int { Int(idNumber.rawValue.dropFirst(6).prefix(4)) ?? 0 }

    /// `male` or `female`, from the ID number's sequence digit.
    public var gender: String { idNumber.isMale ? "male" : "female" }

    /// Tags as stored: Chinese names joined by commas (the form the demo and imports share).
    public var storedTags: String { tags.map(\.chineseName).joined(separator: ",") }
}
