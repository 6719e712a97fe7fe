import FengqiaoDomain
import Foundation

/// The numbers on the home page: what the platform holds right now.
public struct PlatformSummary: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    public var rootName: String?
    public var areaCounts: [Count]
    public var caseStates: [Count]
    public var totalCases: Int
    public var openCases: Int
    public var departments: Int
    public var people: Int
    public var organizations: Int
    public var places: Int

    /// True before any area exists: a fresh installation, ready for data (or `serve --demo`).
    public var isEmpty: Bool { areaCounts.allSatisfy { $0.count == 0 } }
}
