import Foundation

/// Whether the parties did what they agreed (履行情况), as the mediator's follow-up finds it.
public enum AgreementPerformance: String, Sendable, Codable, CaseIterable {
    case pending, performed, partlyPerformed, defaulted

    public var chineseName: String {
        switch self {
        case .pending: "待履行"
        case .performed: "已履行"
        case .partlyPerformed: "部分履行"
        case .defaulted: "未履行"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
