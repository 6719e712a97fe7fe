import Foundation

/// How an agreement is to be performed (履行方式).
public enum PerformanceMethod: String, Sendable, Codable, CaseIterable {
    case immediate, byDeadline, instalments

    public var chineseName: String {
        switch self {
        case .immediate: "即时履行"
        case .byDeadline: "限期履行"
        case .instalments: "分期履行"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
