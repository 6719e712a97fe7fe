import Foundation

/// A petitioner's identifiers unmasked, for an audited reveal.
public struct RevealedPetitioner: Sendable, Codable, Equatable {
    public var position: Int
    public var name: String
    public var idNumber: String?
    public var phone: String?
}
