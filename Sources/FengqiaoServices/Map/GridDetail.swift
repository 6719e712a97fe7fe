import FengqiaoDomain
import FengqiaoStore

/// The grid page: its staff posts and what is missing, its base data, its micro-grids and recent cases.
public struct GridDetail: Sendable {
    public struct Counts: Sendable, Equatable {
        public let people: Int
        public let households: Int
        public let organizations: Int
        public let places: Int
        public let things: Int
    }

    /// A case as the grid page lists it (no personal data).
    public struct RecentCase: Sendable, Equatable {
        public let number: String
        public let kind: CaseKind?
        public let category: String
        public let state: CaseState?
        public let reportedDay: String
    }

    public let grid: AreaNode
    public let breadcrumbs: [AreaNode]
    public let posts: [GridPostRecord]
    public let staffing: GridStaffing
    public let counts: Counts
    public let microGrids: [AreaNode]
    public let recentCases: [RecentCase]
    public let openCases: Int
}
