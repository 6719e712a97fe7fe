import Foundation

/// Pressure from above on a case: 催办 (reminder), 督办 (formal order), 挂牌督办 (listed on the dashboard).
public enum SupervisionKind: String, Sendable, Codable, CaseIterable {
    case reminder, order, listed

    public var chineseName: String {
        switch self {
        case .reminder: "催办"
        case .order: "督办"
        case .listed: "挂牌督办"
        }
    }

    /// Whether the case's handlers must answer it; a formal order also needs an answer date.
    public var requiresResponse: Bool {
        switch self {
        case .reminder: false
        case .order, .listed: true
        }
    }
}
