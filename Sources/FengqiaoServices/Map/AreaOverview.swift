import FengqiaoDomain
import FengqiaoStore

/// What the area browser shows for one area: where it sits, its children with their open cases,
/// and its centre with the departments stationed there.
public struct AreaOverview: Sendable {
    public struct Child: Sendable {
        public let node: AreaNode
        public let openCases: Int
        /// Registered residents; nil above the township, where counting them per request costs too much.
        public let people: Int?
    }

    public struct Department: Sendable {
        public let record: DepartmentRecord
        public let stationing: Stationing
        /// For 轮驻 departments: the names of who is on duty today.
        public let onDutyToday: [String]
    }

    public let area: AreaNode
    /// Ancestors inside the caller's jurisdiction, root first, then the area itself.
    public let breadcrumbs: [AreaNode]
    public let children: [Child]
    public let openCases: Int
    public let center: CenterRecord?
    public let departments: [Department]
}
