import Foundation

/// A language a mediator works in (蒙古语 matters in pastoral areas).
public enum MediationLanguage: String, Sendable, Codable, CaseIterable {
    case mandarin, mongolian, other

    public var chineseName: String {
        switch self {
        case .mandarin: "汉语"
        case .mongolian: "蒙古语"
        case .other: "其他"
        }
    }

    /// The language named by its machine name or its Chinese name.
    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
