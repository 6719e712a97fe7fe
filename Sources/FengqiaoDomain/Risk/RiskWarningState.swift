import Foundation

/// A warning's lifecycle: raised (new) → given an owner (assigned) → being handled → closed with the measures taken.
public enum RiskWarningState: String, Sendable, Codable, CaseIterable, ChineseNamedKind {
    case new, assigned, handling, closed

    public static let kindLabel = "预警状态"

    public var chineseName: String {
        switch self {
        case .new: "新预警"
        case .assigned: "已指派"
        case .handling: "处置中"
        case .closed: "已办结"
        }
    }

    public var isOpen: Bool { self != .closed }
}
