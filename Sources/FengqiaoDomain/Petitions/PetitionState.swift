import Foundation

/// Where a petition stands (信访事项办理状态). The statutory path: registered → a decision within 15
/// working days (受理, or 不予受理 / 不再受理, both final) → handled and answered in writing (答复意见书)
/// within 60 working days (+ one extension of at most 30) → 复查 on request → 复核 on request (final).
public enum PetitionState: String, Sendable, Codable, CaseIterable {
    /// 待受理: registered, the decision whether to accept is due.
    case received
    /// 办理中: accepted; the engine case is dispatched and handled; the written reply is due.
    case accepted
    /// 不予受理 (final).
    case declined
    /// 不再受理 (final): the same matter was already petitioned.
    case notReaccepted
    /// 已答复: the written reply was given; the petitioner may ask for a review.
    case replied
    /// 复查中.
    case reviewRequested
    /// 已复查: the review opinion was given; the petitioner may ask for a re-review.
    case reviewed
    /// 复核中.
    case reReviewRequested
    /// 已复核 (final).
    case reReviewed

    public var chineseName: String {
        switch self {
        case .received: "待受理"
        case .accepted: "办理中"
        case .declined: "不予受理"
        case .notReaccepted: "不再受理"
        case .replied: "已答复"
        case .reviewRequested: "复查中"
        case .reviewed: "已复查"
        case .reReviewRequested: "复核中"
        case .reReviewed: "已复核"
        }
    }

    /// Whether nothing more can happen to the petition (review windows aside, which the clocks show).
    public var isFinal: Bool { self == .declined || self == .notReaccepted || self == .reReviewed }
}
