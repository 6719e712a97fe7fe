import Foundation

/// Where one number of a call list stands. `pending` may still be called (also after up to two unanswered
/// attempts); the others are final.
public enum SurveyItemStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, unreachable, refused, answered

    public var chineseName: String {
        switch self {
        case .pending: "待拨打"
        case .unreachable: "未接通"
        case .refused: "拒访"
        case .answered: "已完成"
        }
    }
}
