import Foundation

/// Which body of time limits governs a case: hotline-style limits set by the centre, the statutory
/// limits of 信访, or those of 人民调解. Chosen when the case is accepted.
public enum SLACategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// 12345-style 诉求: limits per urgency, in working hours and working days, set by the centre.
    case hotline
    /// 信访事项 under 《信访工作条例》(2022).
    case petition
    /// 人民调解 by a people's mediation committee.
    case peopleMediation

    public var chineseName: String {
        switch self {
        case .hotline: "热线诉求"
        case .petition: "信访事项"
        case .peopleMediation: "人民调解"
        }
    }
}
