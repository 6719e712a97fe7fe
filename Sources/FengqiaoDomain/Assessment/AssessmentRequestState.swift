import Foundation

/// Where a request for highlight points (亮点工作加分) stands: waiting for the assessor, approved (with the points
/// granted), refused, or withdrawn by its requester before a decision.
public enum AssessmentRequestState: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case approved
    case refused
    case withdrawn

    public var chineseName: String {
        switch self {
        case .pending: "待审核"
        case .approved: "已批准"
        case .refused: "未批准"
        case .withdrawn: "已撤回"
        }
    }
}
