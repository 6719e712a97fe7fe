import Foundation

/// Whether a party is a person (自然人) or an organisation (法人或其他组织).
public enum MediationPartyKind: String, Sendable, Codable, CaseIterable {
    case person, organization

    public var chineseName: String {
        switch self {
        case .person: "自然人"
        case .organization: "单位"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
