import Foundation

/// A case's contact and parties with their phones unmasked, for an audited reveal.
public struct RevealedCaseContacts: Sendable, Codable, Equatable {
    public struct Party: Sendable, Codable, Equatable {
        public var side: String
        public var name: String
        public var phone: String?
    }

    public var contactName: String?
    public var contactPhone: String?
    public var parties: [Party]
}
