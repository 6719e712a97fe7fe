import Foundation

/// Whether a mediator takes new cases now.
public enum MediatorAvailability: String, Sendable, Codable, CaseIterable {
    case available, busy, away

    public var chineseName: String {
        switch self {
        case .available: "可接案"
        case .busy: "暂不接案"
        case .away: "外出/休假"
        }
    }

    /// The availability named by its machine name or its Chinese name.
    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
