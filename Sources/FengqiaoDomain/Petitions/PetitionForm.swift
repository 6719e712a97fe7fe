import Foundation

/// How a petition came in (信访形式): a letter, a visit, a call or an online petition. Each opens its case
/// in the engine through the channel of the same name.
public enum PetitionForm: String, Sendable, Codable, CaseIterable {
    case letter, visit, call, online

    public var chineseName: String {
        switch self {
        case .letter: "来信"
        case .visit: "来访"
        case .call: "来电"
        case .online: "网上信访"
        }
    }

    /// The engine channel the petition's case is reported through.
    public var channel: Channel {
        switch self {
        case .letter: .letter
        case .visit: .walkIn
        case .call: .phone
        case .online: .web
        }
    }

    /// The form named by its code (`visit`) or its Chinese name (`来访`).
    public init?(codeOrChineseName text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let form = PetitionForm(rawValue: trimmed) ?? Self.allCases.first(where: { $0.chineseName == trimmed })
        else { return nil }
        self = form
    }
}
