import Foundation

/// Where an appeal (申诉) stands: waiting for the assessor, upheld (the item is taken out of the score), or rejected.
public enum AppealState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case upheld
    case rejected

    public var chineseName: String {
        switch self {
        case .pending: "待处理"
        case .upheld: "申诉成立"
        case .rejected: "申诉不成立"
        }
    }
}
