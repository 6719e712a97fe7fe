import FengqiaoDomain

/// Grid posts across an area: the grids whose posts are not filled as 一格一长一警一专多兼 asks, and
/// how much each grid worker carries.
public struct StaffingReport: Sendable {
    public struct GridRow: Sendable {
        public let grid: AreaNode
        public let staffing: GridStaffing
        public let households: Int
    }

    public struct WorkerRow: Sendable {
        public let accountID: Int64
        public let name: String
        /// The posts the worker holds, e.g. 专职网格员 in three grids.
        public let posts: [GridPost]
        public let grids: Int
        public let households: Int
    }

    public let area: AreaNode
    /// Every grid of the area, in code order.
    public let grids: [GridRow]
    /// Grid workers (专职 and 兼职), most households first.
    public let workers: [WorkerRow]
    public let workload: Workload

    /// The grids missing a required post or holding too many.
    public var gridsWithGaps: [GridRow] { grids.filter { !$0.staffing.isFullyStaffed } }
}
