import Foundation

/// A petition registration that passed `PetitionSubmission.validate`.
public struct ValidatedPetition: Sendable, Equatable {
    public struct Petitioner: Sendable, Equatable {
        public var name: String
        public var idNumber: ResidentIdentityNumber?
        public var phone: PhoneNumber?

        public init(name: String, idNumber: ResidentIdentityNumber?, phone: PhoneNumber?) {
            self.name = name
            self.idNumber = idNumber
            self.phone = phone
        }
    }

    public var form: PetitionForm
    /// When it was received; nil for "now, at registration".
    public var receivedAt: Date?
    /// 人次.
    public var persons: Int
    public var petitioners: [Petitioner]
    public var description: String
    /// As submitted; the services resolve it in the category tree.
    public var category: String?
    public var gridCode: String
    public var address: String?
    public var respondentOrgan: String?
    /// A username, when someone other than the registering officer is the first responder.
    public var firstResponder: String?

    /// 集体访: a visit of five or more people.
    public var isCollective: Bool { form == .visit && persons >= PetitionSubmission.collectiveThreshold }
}
