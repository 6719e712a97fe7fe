import Foundation

/// The indicators that case histories give for one period, per township and lead department. Only events before
/// the period's end are read, so a closed period tallies the same however often it is recomputed.
///
/// What counts where:
/// - 按时签收率 (department): each dispatch whose sign-for window ends in the period and which was not returned;
///   on time when the lead signed for it within the window.
/// - 退单率 (department): returns made in the period, of the dispatches made in it.
/// - 按时办结率 (department): feedback given in the period, on time when by the deadline (an approved extension
///   moves it). (township): cases closed in the period, on time when no dispatch of them ran past its deadline.
/// - 办结率 (department): dispatches due in the period, done when feedback came by the period's end; (township):
///   cases accepted in the period, done when closed by its end.
/// - 超期件数: dispatches due in the period that were not done by their deadline (counted for the department and
///   the case's township).
/// - 满意率: revisits in the period, 满意 and 基本满意 of all; for the township and the lead department at the time.
/// - 督办挂牌件数: 督办 and 挂牌督办 (not 催办) issued in the period, for the township and the lead at the time.
/// - 吹哨报到按时率 (department): summons due in the period, answered by a check-in not marked late.
/// - 村级化解率 (township): cases closed in the period at grid or village level.
/// - 调解成功率 (township): mediations concluded in the period (`addMediation`).
///
/// An indicator the assessor defined over one category or kind of cases (`IndicatorSource.category`, given as
/// `defined`) counts every fact of its base measure whose case was then accepted in that category or kind.
///
/// An upheld appeal's exclusion takes its case out of its unit's indicator. The units in `tracing` keep, for the
/// drill-down, every case that went into each of their values.
public struct CaseAssessmentTally: Sendable {
    public let period: AssessmentPeriod
    public private(set) var values: [AssessedUnit: [AssessmentIndicator: IndicatorValue]] = [:]
    public private(set) var contributions: [AssessedUnit: [AssessmentIndicator: [AssessmentContribution]]] = [:]
    let exclusions: Set<AssessmentExclusion>
    let tracing: Set<AssessedUnit>
    /// The indicators defined over a category, by their base measure's key.
    let defined: [String: [AssessmentIndicator]]
    /// The case being added, its category as it stands at the current fact, and the moment the current fact is counted at.
    private var caseId: Int64 = 0
    private var category: (kind: String, category: String)?
    /// The case's acceptances so far (kind and category), for facts counted at a deadline.
    private var acceptances: [(at: Date, kind: String, category: String)] = []
    private var factAt = Date.distantPast
    private var factCause = ""

    public init(period: AssessmentPeriod, exclusions: Set<AssessmentExclusion> = [], tracing: Set<AssessedUnit> = [],
                defined: [AssessmentIndicator] = []) {
        self.period = period
        self.exclusions = exclusions.filter { $0.caseId != nil }
        self.tracing = tracing
        var byBase: [String: [AssessmentIndicator]] = [:]
        for indicator in defined {
            if case .category(let base, _, _) = indicator.source { byBase[base, default: []].append(indicator) }
        }
        self.defined = byBase
    }

    /// One dispatch of a case to a lead department, as its history went up to the period's end.
    struct Assignment {
        var lead: Int64
        var windowEnds: Date
        var deadline: Date
        var signedAt: Date?
        var returned = false
        var doneAt: Date?
        var endedAt: Date?
    }

    /// Adds the history (oldest first) of case `caseId`.
    public mutating func add(_ events: [CaseEvent], caseId: Int64 = 0) {
        (self.caseId, category) = (caseId, nil)
        acceptances.removeAll(keepingCapacity: true)
        let events = events.filter { $0.at < period.end }
        guard case .reported(_, _, _, let areaCode, _, _)? = events.first?.payload else { return }
        let township = AssessedUnit.township(of: areaCode)
        var assignments: [Assignment] = []
        var current: Int?
        var tier = MediationTier.grid
        var acceptedInPeriod = false
        var closedBy: Date?
        var whistles: [Int: (departments: [Int64], due: Date)] = [:]
        var checkIns: [Int: [Int64: Bool]] = [:]
        var lead: Int64? { current.map { assignments[$0].lead } ?? assignments.last?.lead }

        for event in events {
            let inPeriod = period.contains(event.at)
            (factAt, factCause) = (event.at, event.type)
            switch event.payload {
            case .accepted(let acceptance):
                tier = max(tier, acceptance.tier)
                if !defined.isEmpty {
                    category = (acceptance.kind.rawValue, acceptance.category)
                    acceptances.append((event.at, acceptance.kind.rawValue, acceptance.category))
                }
                if inPeriod { acceptedInPeriod = true }
            case .dispatched(let order), .reassigned(let order):
                if let c = current { assignments[c].endedAt = event.at }
                assignments.append(Assignment(lead: order.lead, windowEnds: order.returnWindowEnds, deadline: order.deadline))
                current = assignments.count - 1
                if inPeriod { rate(.department(order.lead), .returnRate, hit: false) }
            case .signedFor(let department, .lead):
                if let c = current, assignments[c].lead == department, assignments[c].signedAt == nil {
                    assignments[c].signedAt = event.at
                }
            case .returned(let department, _):
                if let c = current, assignments[c].lead == department {
                    assignments[c].returned = true
                    assignments[c].endedAt = event.at
                }
                if inPeriod { rate(.department(department), .returnRate, hit: true, counted: false) }
            case .returnUpheld:
                if let c = current { assignments[c].endedAt = nil }
            case .extensionApproved(let until):
                if let c = current { assignments[c].deadline = until }
            case .feedbackGiven:
                if let c = current, assignments[c].doneAt == nil {
                    assignments[c].doneAt = event.at
                    if inPeriod {
                        rate(.department(assignments[c].lead), .closedOnTime, hit: event.at <= assignments[c].deadline)
                    }
                }
            case .escalated(_, let to, _, _):
                tier = max(tier, to)
            case .closed:
                closedBy = closedBy ?? event.at
                if inPeriod {
                    let late = assignments.contains { ($0.doneAt ?? $0.endedAt ?? event.at) > $0.deadline }
                    rate(township, .closedOnTime, hit: !late)
                    rate(township, .villageResolved, hit: tier <= .village)
                }
            case .revisited(let satisfaction, _, _):
                if inPeriod {
                    let satisfied = satisfaction != .unsatisfied
                    rate(township, .satisfaction, hit: satisfied)
                    rate(lead.map(AssessedUnit.department), .satisfaction, hit: satisfied)
                }
            case .supervised(_, let kind, _, _):
                if inPeriod && kind != .reminder {
                    count(township, .supervised)
                    count(lead.map(AssessedUnit.department), .supervised)
                }
            case .whistled(let number, let departments, let due):
                whistles[number] = (departments, due)
            case .checkedIn(let number, let department, let late):
                checkIns[number, default: [:]][department] = late
            default:
                break
            }
        }

        if acceptedInPeriod {
            deadline(closedBy ?? period.end, closedBy == nil ? "period_end" : "closed")
            rate(township, .closureRate, hit: closedBy != nil)
        }
        for a in assignments where !a.returned {
            if period.contains(a.windowEnds) {
                deadline(a.windowEnds, "sign_for_due")
                rate(.department(a.lead), .signedOnTime, hit: a.signedAt.map { $0 <= a.windowEnds } ?? false)
            }
            // Due in the period, unless it was taken away (reassigned) before it was due.
            guard period.contains(a.deadline), a.endedAt.map({ $0 > a.deadline }) ?? true else { continue }
            deadline(a.deadline, "handling_due")
            rate(.department(a.lead), .closureRate, hit: a.doneAt != nil)
            if (a.doneAt ?? a.endedAt ?? period.end) > a.deadline {
                count(.department(a.lead), .overdue)
                count(township, .overdue)
            }
        }
        for (number, whistle) in whistles where period.contains(whistle.due) {
            deadline(whistle.due, "check_in_due")
            for department in whistle.departments {
                rate(.department(department), .whistleOnTime, hit: checkIns[number]?[department] == false)
            }
        }
    }

    /// Counts the next facts at `at` (a deadline, or the period's end), the case as it stood then.
    private mutating func deadline(_ at: Date, _ cause: String) {
        (factAt, factCause) = (at, cause)
        if !defined.isEmpty { category = acceptances.last { $0.at <= at }.map { ($0.kind, $0.category) } }
    }

    /// Adds what another tally of the same period counted (the cases of a period can be tallied in parts, in parallel).
    public mutating func merge(_ other: CaseAssessmentTally) {
        for (unit, indicators) in other.values {
            for (indicator, value) in indicators {
                values[unit, default: [:]][indicator] = values[unit]?[indicator]?.adding(value) ?? value
            }
        }
        for (unit, indicators) in other.contributions {
            for (indicator, lines) in indicators { contributions[unit, default: [:]][indicator, default: []] += lines }
        }
    }

    /// Adds a mediation of engine case `caseId` concluded at `at` in the area `areaCode`: 调解成功率 counts it for
    /// the township, a success when it ended in full agreement (调解成功; 部分达成 and 调解不成 are not).
    public mutating func addMediation(areaCode: String, succeeded: Bool, caseId: Int64, at: Date) {
        guard period.contains(at) else { return }
        (self.caseId, category, factAt, factCause) = (caseId, nil, at, "mediation_concluded")
        rate(AssessedUnit.township(of: areaCode), .mediationSucceeded, hit: succeeded)
    }

    mutating func rate(_ unit: AssessedUnit?, _ indicator: AssessmentIndicator, hit: Bool, counted: Bool = true) {
        guard let unit else { return }
        tallyRate(unit, indicator, hit: hit, counted: counted)
        if !defined.isEmpty { for also in definedCounting(indicator, for: unit) { tallyRate(unit, also, hit: hit, counted: counted) } }
    }

    mutating func count(_ unit: AssessedUnit?, _ indicator: AssessmentIndicator) {
        guard let unit else { return }
        tallyCount(unit, indicator)
        if !defined.isEmpty { for also in definedCounting(indicator, for: unit) { tallyCount(unit, also) } }
    }

    private mutating func tallyRate(_ unit: AssessedUnit, _ indicator: AssessmentIndicator, hit: Bool, counted: Bool) {
        guard take(unit, indicator, hit: hit, counted: counted) else { return }
        var value = values[unit]?[indicator] ?? .rate(0, of: 0)
        if hit { value.numerator += 1 }
        if counted { value.denominator = (value.denominator ?? 0) + 1 }
        values[unit, default: [:]][indicator] = value
    }

    private mutating func tallyCount(_ unit: AssessedUnit, _ indicator: AssessmentIndicator) {
        guard take(unit, indicator, hit: true, counted: false) else { return }
        values[unit, default: [:]][indicator, default: .count(0)].numerator += 1
    }

    /// The defined indicators of `unit`'s kind that also count a fact of `base` for the current case (by its category).
    private func definedCounting(_ base: AssessmentIndicator, for unit: AssessedUnit) -> [AssessmentIndicator] {
        guard let category, let over = defined[base.key] else { return [] }
        return over.filter { $0.unitKinds.contains(unit.kind) && $0.source.counts(kind: category.kind, category: category.category) }
    }

    /// Whether the current fact counts for `unit` (no upheld appeal took the case out); traces it when asked.
    private mutating func take(_ unit: AssessedUnit, _ indicator: AssessmentIndicator, hit: Bool, counted: Bool) -> Bool {
        if !exclusions.isEmpty, exclusions.contains(AssessmentExclusion(unit: unit, indicator: indicator.key, caseId: caseId)) {
            return false
        }
        if tracing.contains(unit) {
            contributions[unit, default: [:]][indicator, default: []].append(
                AssessmentContribution(caseId: caseId, at: factAt, cause: factCause, hit: hit, counted: counted))
        }
        return true
    }
}
