import Foundation

/// Checks one grid's posts against 一格一长一警一专多兼 and says, in Chinese, what is missing.
public struct GridStaffing: Sendable, Hashable {
    /// One deviation from the model.
    public enum Finding: Sendable, Hashable {
        /// A required post has fewer people than it needs.
        case unfilled(GridPost, missing: Int)
        /// A capped post (the leader) has more people than it may.
        case overfilled(GridPost, excess: Int)
        /// The post meets the rule but not the recommendation (no part-timer yet).
        case belowRecommendation(GridPost)

        public var post: GridPost {
            switch self {
            case .unfilled(let post, _), .overfilled(let post, _), .belowRecommendation(let post): post
            }
        }

        /// Whether the grid breaks the rule, as opposed to missing a recommendation.
        public var isViolation: Bool {
            switch self {
            case .unfilled, .overfilled: true
            case .belowRecommendation: false
            }
        }

        /// e.g. `缺网格长`, `缺专职网格员`, `网格长超配1名`, `建议配备兼职网格员`.
        public var message: String {
            switch self {
            case .unfilled(let post, let missing):
                missing > 1 ? "缺\(post.chineseName)\(missing)名" : "缺\(post.chineseName)"
            case .overfilled(let post, let excess): "\(post.chineseName)超配\(excess)名"
            case .belowRecommendation(let post): "建议配备\(post.chineseName)"
            }
        }
    }

    /// The distinct accounts holding each post; the same account listed twice for a post counts once.
    public let holders: [GridPost: Set<Int64>]

    /// Findings in post order (leader, police, full-time, part-time).
    public let findings: [Finding]

    public init(posts: [GridPost: [Int64]]) {
        let holders = posts.mapValues(Set.init)
        var findings: [Finding] = []
        for post in GridPost.allCases {
            let count = holders[post]?.count ?? 0
            if count < post.minimumCount {
                findings.append(.unfilled(post, missing: post.minimumCount - count))
            } else if let maximum = post.maximumCount, count > maximum {
                findings.append(.overfilled(post, excess: count - maximum))
            } else if count < post.recommendedMinimumCount {
                findings.append(.belowRecommendation(post))
            }
        }
        self.holders = holders
        self.findings = findings
    }

    /// Required posts with too few people.
    public var unfilledPosts: [GridPost] {
        findings.compactMap { if case .unfilled(let post, _) = $0 { post } else { nil } }
    }

    /// Capped posts with too many people.
    public var overfilledPosts: [GridPost] {
        findings.compactMap { if case .overfilled(let post, _) = $0 { post } else { nil } }
    }

    /// Whether the grid meets the model's rules (recommendations aside).
    public var isFullyStaffed: Bool { !findings.contains(where: \.isViolation) }

    /// The messages of all findings, for lists and exports.
    public var messages: [String] { findings.map(\.message) }
}
