import Foundation

/// The statutory clocks of a petition.
public enum PetitionClockKind: String, Sendable, Codable, CaseIterable {
    /// Receipt → the decision whether to accept (15 working days).
    case acceptance
    /// Acceptance → the written reply (60 working days, + one extension).
    case handling
    /// The review request → the review opinion (30 working days).
    case review
    /// The re-review request → the re-review opinion (30 working days).
    case reReview

    public var chineseName: String {
        switch self {
        case .acceptance: "受理告知"
        case .handling: "办理答复"
        case .review: "复查"
        case .reReview: "复核"
        }
    }
}
