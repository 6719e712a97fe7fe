import Foundation

/// How long a scored period runs: a month (月通报) or a quarter (季排名).
public enum AssessmentPeriodKind: String, Sendable, Hashable, Codable, CaseIterable {
    case month
    case quarter

    public var chineseName: String {
        switch self {
        case .month: "月度"
        case .quarter: "季度"
        }
    }
}
