import Foundation

/// The requester's rating at the revisit (回访满意度).
public enum Satisfaction: String, Sendable, Codable, CaseIterable {
    case satisfied, basicallySatisfied, unsatisfied

    public var chineseName: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .unsatisfied: "不满意"
        }
    }
}
