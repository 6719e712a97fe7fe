import Foundation

/// A closed case or a resident a round may draw: its id, where it is filed and its sealed phone.
public struct SurveySourceRow: Sendable, Equatable {
    public var id: Int64
    public var areaCode: String
    public var phoneCipher: String
    public var phoneMasked: String

    public init(id: Int64, areaCode: String, phoneCipher: String, phoneMasked: String) {
        (self.id, self.areaCode, self.phoneCipher, self.phoneMasked) = (id, areaCode, phoneCipher, phoneMasked)
    }
}
