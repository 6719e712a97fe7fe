import Foundation

/// The rollup cells one case row adds one to: every (period × scope × measure) of the case. The store
/// applies the difference of a row's keys before and after each write; a rebuild sums them afresh.
public enum CaseRollupKeys {
    /// The day and the month the case was reported in.
    public static func periods(_ facts: CaseRollupFacts) -> [String] {
        [facts.reportedDay, String(facts.reportedDay.prefix(7))]
    }

    /// Every area above and at the case's area (by code prefix: 市 4, 县 6, 镇 9, 村 12 digits), its grid
    /// and micro-grid, and its lead department.
    public static func scopes(_ facts: CaseRollupFacts) -> [String] {
        var scopes: [String] = []
        let depth = AreaCode(facts.areaCode).map { min($0.level.depth, AreaLevel.village.depth) }
            ?? AreaLevel.village.depth
        for level in [AreaLevel.city, .county, .township, .village] where level.depth <= depth {
            scopes.append(areaScope(prefix: prefixOf(facts.areaCode, level: level)))
        }
        if let grid = facts.gridCode, grid.count >= 15 {
            scopes.append(gridScope(String(grid.prefix(15))))
            if grid.count >= 18 { scopes.append(gridScope(String(grid.prefix(18)))) }
        }
        if let department = facts.leadDepartmentId { scopes.append(departmentScope(department)) }
        return scopes
    }

    /// The measures the case counts in (see `CaseRollupMeasure`).
    public static func measures(_ facts: CaseRollupFacts) -> [String] {
        var measures = [
            CaseRollupMeasure.total.rawValue, "state:" + facts.state, "channel:" + facts.channel, "kind:" + facts.kind,
        ]
        let closed = CaseRollupMeasure.closedStates.contains { $0.rawValue == facts.state }
        if closed {
            measures.append(CaseRollupMeasure.closed.rawValue)
            if !facts.clockLate { measures.append(CaseRollupMeasure.closedOnTime.rawValue) }
        }
        if let satisfaction = facts.satisfaction {
            measures.append(CaseRollupMeasure.rated.rawValue)
            if CaseRollupMeasure.satisfiedRatings.contains(where: { $0.rawValue == satisfaction }) {
                measures.append(CaseRollupMeasure.satisfied.rawValue)
            }
        }
        if let tier = facts.resolvedTier {
            measures.append(CaseRollupMeasure.resolved.rawValue)
            if CaseRollupMeasure.villageTiers.contains(where: { $0.rawValue == tier }) {
                measures.append(CaseRollupMeasure.resolvedVillage.rawValue)
            }
        }
        if facts.clockStatus == "overdue" { measures.append(CaseRollupMeasure.overdue.rawValue) }
        if CaseRollupMeasure.supervisedKinds.contains(where: { $0.rawValue == facts.supervision }) {
            measures.append(CaseRollupMeasure.supervised.rawValue)
        }
        return measures
    }

    /// Every cell of the case: periods × scopes × measures.
    public static func keys(_ facts: CaseRollupFacts) -> [CaseRollupKey] {
        let scopes = scopes(facts)
        let measures = measures(facts)
        var keys: [CaseRollupKey] = []
        keys.reserveCapacity(2 * scopes.count * measures.count)
        for period in periods(facts) {
            for scope in scopes {
                for measure in measures { keys.append(CaseRollupKey(period: period, scope: scope, measure: measure)) }
            }
        }
        return keys
    }

    /// The change of every cell when a row moves from `before` to `after` (nil: absent), zeros left out.
    public static func delta(before: [CaseRollupFacts], after: [CaseRollupFacts]) -> [CaseRollupKey: Int] {
        var delta: [CaseRollupKey: Int] = [:]
        for facts in before { for key in keys(facts) { delta[key, default: 0] -= 1 } }
        for facts in after { for key in keys(facts) { delta[key, default: 0] += 1 } }
        return delta.filter { $0.value != 0 }
    }

    public static func areaScope(prefix: String) -> String { "area:" + prefix }
    public static func gridScope(_ code: String) -> String { "grid:" + code }
    public static func departmentScope(_ id: Int64) -> String { "dept:\(id)" }

    /// The scope of a jurisdiction (an area subtree by its prefix, or a grid).
    public static func scope(of jurisdiction: Jurisdiction) -> String {
        jurisdiction.level >= .grid ? gridScope(jurisdiction.prefix) : areaScope(prefix: jurisdiction.prefix)
    }

    static func prefixOf(_ code: String, level: AreaLevel) -> String {
        guard let area = AreaCode(String(code.prefix(12))) else { return code }
        return Jurisdiction(root: area, level: level).prefix
    }
}
