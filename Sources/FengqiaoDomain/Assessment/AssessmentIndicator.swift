import Foundation

/// A measure of the work that a template scores. Rates are a share of cases (or summons, mediations, days); counts
/// are numbers of things. Where the value comes from is the assessment tally's business; this says what it means.
public enum AssessmentIndicator: String, Sendable, Hashable, Codable, CaseIterable {
    /// 按时签收率: dispatched parts signed for within the sign-for window.
    case signedOnTime = "signed_on_time"
    /// 按时办结率: cases closed with no stage clock missed.
    case closedOnTime = "closed_on_time"
    /// 办结率: cases closed of those due in the period.
    case closureRate = "closure_rate"
    /// 满意率: 满意 and 基本满意 of the rated revisits.
    case satisfaction
    /// 退单率: dispatches returned by the department.
    case returnRate = "return_rate"
    /// 超期件数: stage clocks that went red.
    case overdue
    /// 督办/挂牌件数: supervision orders and listings received.
    case supervised
    /// 吹哨报到按时率: summons answered by checking in on time.
    case whistleOnTime = "whistle_on_time"
    /// 村级化解率: cases resolved at grid or village level (target 95%).
    case villageResolved = "village_resolved"
    /// 调解成功率: mediations concluded with an agreement.
    case mediationSucceeded = "mediation_succeeded"
    /// 巡查覆盖率: working days with a patrol.
    case patrolCoverage = "patrol_coverage"
    /// 走访户数: household visits recorded.
    case householdVisits = "household_visits"

    public var chineseName: String {
        switch self {
        case .signedOnTime: "按时签收率"
        case .closedOnTime: "按时办结率"
        case .closureRate: "办结率"
        case .satisfaction: "满意率"
        case .returnRate: "退单率"
        case .overdue: "超期件数"
        case .supervised: "督办挂牌件数"
        case .whistleOnTime: "吹哨报到按时率"
        case .villageResolved: "村级化解率"
        case .mediationSucceeded: "调解成功率"
        case .patrolCoverage: "巡查覆盖率"
        case .householdVisits: "走访户数"
        }
    }

    /// A share (0…1) rather than a count.
    public var isRate: Bool {
        switch self {
        case .overdue, .supervised, .householdVisits: false
        default: true
        }
    }

    /// Whether more is better (退单率, 超期 and 督办 are better low).
    public var higherIsBetter: Bool {
        switch self {
        case .returnRate, .overdue, .supervised: false
        default: true
        }
    }

    /// The units this indicator can be measured for.
    public var unitKinds: Set<AssessedUnitKind> {
        switch self {
        case .signedOnTime, .returnRate, .whistleOnTime: [.department]
        case .closedOnTime, .closureRate, .satisfaction, .overdue, .supervised: [.department, .township]
        case .villageResolved, .mediationSucceeded: [.township]
        case .patrolCoverage, .householdVisits: [.gridWorker]
        }
    }
}
