import Foundation

/// Where an agreement's judicial confirmation (司法确认) stands.
public enum JudicialConfirmationState: String, Sendable, Codable, CaseIterable {
    /// Not handed to a court (yet, or the parties did not want it).
    case notRequested
    /// The package went to the court (申请已移交法院).
    case handedOff
    /// The court ruled the agreement valid (裁定确认有效): it can be enforced.
    case confirmed
    /// The court refused (裁定驳回申请).
    case refused

    public var chineseName: String {
        switch self {
        case .notRequested: "未申请"
        case .handedOff: "已移交法院"
        case .confirmed: "法院确认有效"
        case .refused: "法院驳回申请"
        }
    }
}
