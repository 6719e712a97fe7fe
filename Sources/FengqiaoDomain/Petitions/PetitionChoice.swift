import Foundation

/// Choices that several petition submissions share.
enum PetitionChoice {
    /// A `ContactChannel` by code or Chinese name; `letter` (书面) when empty.
    static func contactChannel(_ value: String?, field: String, label: String, errors: inout [FieldError]) -> ContactChannel? {
        guard let raw = InputRules.text(value) else { return .letter }
        if let channel = ContactChannel(rawValue: raw) ?? ContactChannel.allCases.first(where: { $0.chineseName == raw }) {
            return channel
        }
        let names = ContactChannel.allCases.map(\.chineseName).joined(separator: "、")
        errors.append(FieldError(field: field, code: "invalid_choice", message: "\(label)应为\(names)之一"))
        return nil
    }
}
