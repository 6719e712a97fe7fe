import Foundation

/// The columns of one `cases` row that the dashboard's rollups count it by (see `CaseRollupKeys`).
public struct CaseRollupFacts: Sendable, Hashable {
    /// `yyyy-MM-dd` in Asia/Shanghai: the cohort the case is counted in.
    public var reportedDay: String
    public var areaCode: String
    public var gridCode: String?
    public var leadDepartmentId: Int64?
    public var state: String
    public var channel: String
    public var kind: String
    /// The latest revisit's rating (`Satisfaction`), nil before a revisit.
    public var satisfaction: String?
    /// The ladder tier the case was resolved at; nil unless closed (and not reopened).
    public var resolvedTier: String?
    /// `cases.clock_status`: the worst open clock (`running`, `warning`, `overdue`) or `none`.
    public var clockStatus: String
    /// Whether any clock of the case missed its deadline (`case_clocks.status` `missed` or `overdue`).
    public var clockLate: Bool
    /// `cases.supervision`: the open supervision's kind or `none`.
    public var supervision: String

    public init(
        reportedDay: String, areaCode: String, gridCode: String? = nil, leadDepartmentId: Int64? = nil, state: String,
        channel: String, kind: String, satisfaction: String? = nil, resolvedTier: String? = nil,
        clockStatus: String = "none", clockLate: Bool = false, supervision: String = "none"
    ) {
        self.reportedDay = reportedDay
        self.areaCode = areaCode
        self.gridCode = gridCode
        self.leadDepartmentId = leadDepartmentId
        self.state = state
        self.channel = channel
        self.kind = kind
        self.satisfaction = satisfaction
        self.resolvedTier = resolvedTier
        self.clockStatus = clockStatus
        self.clockLate = clockLate
        self.supervision = supervision
    }
}
