import Foundation

/// How a mediation ended (调解结果). The raw values are the mediation case's state names.
public enum MediationOutcome: String, Sendable, Codable, CaseIterable {
    case succeeded, partial, failed

    public var chineseName: String {
        switch self {
        case .succeeded: "调解成功"
        case .partial: "部分达成"
        case .failed: "调解不成"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
