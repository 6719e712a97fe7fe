import Foundation

/// The posts of a grid under 一格一长一警一专多兼: one grid leader, a police officer, a full-time grid
/// worker and part-timers (村干部, 楼栋长, 志愿者 …).
public enum GridPost: String, Sendable, Codable, ChineseNamedKind, Comparable {
    case leader, police, fullTime, partTime

    public static let kindLabel = "网格岗位"

    public var chineseName: String {
        switch self {
        case .leader: "网格长"
        case .police: "网格警"
        case .fullTime: "专职网格员"
        case .partTime: "兼职网格员"
        }
    }

    public var aliases: [String] {
        switch self {
        case .police: ["社区民警", "网格民警", "驻村民警"]
        case .fullTime: ["专职"]
        case .partTime: ["兼职"]
        default: []
        }
    }

    /// The fewest people the post needs: one of each, except part-timers, whom the model wants
    /// (多兼) but whose absence does not leave a grid unstaffed.
    public var minimumCount: Int {
        switch self {
        case .leader, .police, .fullTime: 1
        case .partTime: 0
        }
    }

    /// The most people the post may hold, nil when unbounded. Only the leader is capped (一格一长);
    /// a grid may have several officers or full-timers, and one officer may serve several grids.
    public var maximumCount: Int? {
        switch self {
        case .leader: 1
        case .police, .fullTime, .partTime: nil
        }
    }

    /// What the model recommends for every post: at least one person, part-timers included.
    public var recommendedMinimumCount: Int { 1 }

    public static func < (lhs: GridPost, rhs: GridPost) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
