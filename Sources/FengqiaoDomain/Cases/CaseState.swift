import Foundation

/// States of the six-step closed loop; see `domain/case-workflow.md`.
public enum CaseState: String, Sendable, Codable, CaseIterable {
    case reported, accepted, dispatched, inProgress, handled, verified, closed, archived, rejected, merged, withdrawn

    public var chineseName: String {
        switch self {
        case .reported: "已上报"
        case .accepted: "已立案"
        case .dispatched: "已派遣"
        case .inProgress: "办理中"
        case .handled: "已反馈"
        case .verified: "已核查"
        case .closed: "已结案"
        case .archived: "已归档"
        case .rejected: "不予立案"
        case .merged: "已合并"
        case .withdrawn: "已撤回"
        }
    }

    /// Whether the matter is still being worked on.
    public var isOpen: Bool {
        switch self {
        case .reported, .accepted, .dispatched, .inProgress, .handled, .verified: true
        case .closed, .archived, .rejected, .merged, .withdrawn: false
        }
    }

    /// The main path through the loop, in order; `rejected`, `merged` and `withdrawn` leave it.
    public static let mainPath: [CaseState] = [.reported, .accepted, .dispatched, .inProgress, .handled, .verified, .closed, .archived]
}
