import Foundation

/// What the rollups count, besides the breakdowns `state:<CaseState>`, `channel:<Channel>` and
/// `kind:<CaseKind>` (the top level of the category tree).
public enum CaseRollupMeasure: String, Sendable, CaseIterable {
    /// Every case reported in the period.
    case total
    /// 办结: the case is `closed` or `archived`.
    case closed
    /// 按时办结: closed, and no clock of the case missed its deadline (no `case_clocks` row `missed` or `overdue`).
    case closedOnTime
    /// 已回访评价: a revisit rated the case.
    case rated
    /// 满意: the latest revisit said 满意 or 基本满意.
    case satisfied
    /// 化解: the case carries a resolved tier (closed and not reopened since).
    case resolved
    /// 村级化解: resolved at the grid or the village (小事不出村).
    case resolvedVillage
    /// 超时: a clock of the case is red now (`clock_status` `overdue`).
    case overdue
    /// 督办: an open 督办 or 挂牌督办.
    case supervised

    public var chineseName: String {
        switch self {
        case .total: "受理总量"
        case .closed: "办结"
        case .closedOnTime: "按时办结"
        case .rated: "已评价"
        case .satisfied: "满意"
        case .resolved: "化解"
        case .resolvedVillage: "村级化解"
        case .overdue: "超时"
        case .supervised: "督办"
        }
    }

    /// The `cases` states counted as 办结.
    public static let closedStates: [CaseState] = [.closed, .archived]
    /// The ratings counted as 满意.
    public static let satisfiedRatings: [Satisfaction] = [.satisfied, .basicallySatisfied]
    /// The tiers counted as resolved at the village or below.
    public static let villageTiers: [MediationTier] = [.grid, .village]
    /// The open supervisions counted as 督办 (a 催办 reminder is not).
    public static let supervisedKinds: [SupervisionKind] = [.order, .listed]
}
