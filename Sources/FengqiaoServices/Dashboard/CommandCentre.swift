import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The command-centre dashboard (指挥中心驾驶舱): the figures of the viewer's jurisdiction, or of an
/// area inside it, for one day and its month, read from `case_rollups` alone — a bounded number of rows
/// (scopes × periods × measures) whatever the number of cases.
///
/// Department staff see the cases their department leads (scope `dept:<id>`), without the area
/// breakdowns, whose counters hold other departments' cases too.
public struct CommandCentre: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The board of `area` (nil: the jurisdiction) on `day` (`yyyy-MM-dd`, nil: today by the platform clock).
    public func board(area: String? = nil, day: String? = nil, caller: Caller) async throws -> CommandBoard {
        let staff = caller.staff
        try staff.require(.viewCases)
        let dayText = day.flatMap { $0.isEmpty ? nil : $0 } ?? ChinaTime.dayString(platform.clock.now())
        guard let date = ChinaTime.date(ofDay: dayText) else {
            throw DomainError.validation([
                FieldError(field: "day", code: "invalid_format", message: "日期应为 yyyy-MM-dd 格式的有效日期"),
            ])
        }
        let jurisdiction = try staff.scope(area)
        let atlas = try await platform.areaAtlas()
        let plan = Plan(date: date)

        let scope: String
        var base: [String: String]
        var scopeName: String
        var areaCode: String?
        var units: [(kind: UnitKind, code: String, name: String, scope: String, query: [String: String])] = []
        var children: [CommandBoard.Part] = []
        var departmentNames: [Int64: String] = [:]
        if let department = staff.departmentID {
            scope = CaseRollupKeys.departmentScope(department)
            base = ["lead": String(department)]
            departmentNames = try await platform.database.read { db in
                try await CaseEngineRepository(db).departmentNames([department])
            }
            scopeName = departmentNames[department] ?? "本部门"
        } else {
            let root = jurisdiction.root.rawValue
            scope = CaseRollupKeys.scope(of: jurisdiction)
            base = jurisdiction.level >= .grid ? ["grid": root] : ["area": root]
            scopeName = atlas.node(root)?.name ?? root
            areaCode = root
            for child in atlas.children(of: root).sorted(by: { $0.code < $1.code }) {
                let childScope = Jurisdiction(root: AreaCode(child.code) ?? jurisdiction.root, level: child.level)
                let query = child.level >= .grid ? ["grid": child.code] : ["area": child.code]
                units.append((.area, child.code, child.name, CaseRollupKeys.scope(of: childScope), query))
                children.append(.init(code: child.code, name: child.name, cell: .init(count: 0, query: query)))
            }
            for grid in Self.grids(under: root, in: atlas) {
                units.append((.grid, grid.code, grid.name, CaseRollupKeys.gridScope(grid.code), ["grid": grid.code]))
            }
            let departments = try await platform.database.read { db in
                try await CaseListRepository(db).departments(prefix: jurisdiction.prefix)
            }
            for d in departments {
                units.append((.department, String(d.id), d.name, CaseRollupKeys.departmentScope(d.id), ["lead": String(d.id)]))
            }
        }
        // The heat map needs only each grid's total; rankings the measures of their columns.
        let gridScopes = Set(units.filter { $0.kind == .grid }.map(\.scope))
        let rankedScopes = Set(units.filter { $0.kind != .grid }.map(\.scope))
        let rankedMeasures: [CaseRollupMeasure] = [
            .total, .closed, .closedOnTime, .rated, .satisfied, .resolved, .resolvedVillage, .overdue,
        ]
        let (own, unitCounts, allTime) = try await platform.database.read { db in
            let rollups = CaseRollupRepository(db)
            let own = try await rollups.counts(periods: plan.periods, scopes: [scope])
            var unitCounts = try await rollups.counts(
                periods: [plan.month], scopes: Array(rankedScopes).sorted(), measures: rankedMeasures.map(\.rawValue))
            unitCounts.merge(try await rollups.counts(
                periods: [plan.month], scopes: Array(gridScopes.subtracting(rankedScopes)).sorted(),
                measures: [CaseRollupMeasure.total.rawValue])) { a, _ in a }
            let allTime = try await rollups.allTime(
                scopes: [scope], measures: [CaseRollupMeasure.overdue.rawValue, CaseRollupMeasure.supervised.rawValue])
            return (own, unitCounts, allTime)
        }
        func count(_ counts: [CaseRollupKey: Int], _ period: String, _ scope: String, _ measure: String) -> Int {
            counts[CaseRollupKey(period: period, scope: scope, measure: measure)] ?? 0
        }
        func cell(_ counts: [CaseRollupKey: Int], _ period: Plan.Period, _ scope: String, _ measure: String,
                  _ query: [String: String], _ extra: [String: String]) -> CommandBoard.Cell {
            CommandBoard.Cell(count: count(counts, period.key, scope, measure),
                              query: query.merging(period.query) { a, _ in a }.merging(extra) { a, _ in a })
        }
        func figures(_ period: Plan.Period) -> CommandBoard.Figures {
            func c(_ m: CaseRollupMeasure, _ extra: [String: String] = [:]) -> CommandBoard.Cell {
                cell(own, period, scope, m.rawValue, base, extra)
            }
            func parts(_ prefix: String, _ field: String, _ values: [(String, String)]) -> [CommandBoard.Part] {
                values.map { code, name in
                    .init(code: code, name: name, cell: cell(own, period, scope, prefix + code, base, [field: code]))
                }
            }
            let closed = c(.closed, ["closed": "1"])
            let onTime = c(.closedOnTime, ["closedOnTime": "1"])
            let rated = c(.rated, ["rated": "1"])
            let satisfied = c(.satisfied, ["satisfied": "1"])
            let resolved = c(.resolved, ["resolved": "1"])
            let village = c(.resolvedVillage, ["resolvedVillage": "1"])
            let total = c(.total)
            return CommandBoard.Figures(
                from: period.from, to: period.to, total: total,
                states: parts("state:", "state", CaseState.allCases.map { ($0.rawValue, $0.chineseName) }),
                channels: parts("channel:", "channel", Channel.allCases.map { ($0.rawValue, $0.chineseName) }),
                kinds: parts("kind:", "kind", CaseKind.allCases.map { ($0.rawValue, $0.chineseName) }),
                closed: closed, closedOnTime: onTime, rated: rated, satisfied: satisfied, resolved: resolved,
                resolvedVillage: village, overdue: c(.overdue, ["overdue": "1"]),
                supervised: c(.supervised, ["supervised": "1"]),
                closedRate: .init(part: closed, whole: total), onTimeRate: .init(part: onTime, whole: closed),
                satisfactionRate: .init(part: satisfied, whole: rated),
                villageRate: .init(part: village, whole: resolved, target: LadderShare.villageTargetPercent))
        }
        func unit(_ u: (kind: UnitKind, code: String, name: String, scope: String, query: [String: String]))
            -> CommandBoard.Unit
        {
            let p = plan.monthPeriod
            func c(_ m: CaseRollupMeasure, _ extra: [String: String] = [:]) -> CommandBoard.Cell {
                cell(unitCounts, p, u.scope, m.rawValue, u.query, extra)
            }
            let total = c(.total)
            let closed = c(.closed, ["closed": "1"])
            return CommandBoard.Unit(
                code: u.code, name: u.name, total: total, closed: closed, overdue: c(.overdue, ["overdue": "1"]),
                closedRate: .init(part: closed, whole: total),
                onTimeRate: .init(part: c(.closedOnTime, ["closedOnTime": "1"]), whole: closed),
                satisfactionRate: .init(part: c(.satisfied, ["satisfied": "1"]), whole: c(.rated, ["rated": "1"])),
                villageRate: .init(part: c(.resolvedVillage, ["resolvedVillage": "1"]), whole: c(.resolved, ["resolved": "1"]),
                                   target: LadderShare.villageTargetPercent))
        }
        func ranked(_ kind: UnitKind) -> [CommandBoard.Unit] {
            units.filter { $0.kind == kind }.map(unit).sorted {
                (($0.closedRate.percent ?? -1), $0.total.count, $1.code) > (($1.closedRate.percent ?? -1), $1.total.count, $0.code)
            }
        }
        let totals = allTime[scope] ?? [:]
        return CommandBoard(
            areaCode: areaCode, departmentId: staff.departmentID, scopeName: scopeName, day: dayText, month: plan.month,
            today: figures(plan.dayPeriod), thisMonth: figures(plan.monthPeriod),
            overdueNow: .init(count: totals[CaseRollupMeasure.overdue.rawValue] ?? 0, query: base.merging(["overdue": "1"]) { a, _ in a }),
            supervisedNow: .init(count: totals[CaseRollupMeasure.supervised.rawValue] ?? 0,
                                 query: base.merging(["supervised": "1"]) { a, _ in a }),
            days: plan.days.map { p in
                .init(label: String(p.key.suffix(5)), total: cell(own, p, scope, "total", base, [:]),
                      closed: cell(own, p, scope, "closed", base, ["closed": "1"]))
            },
            months: plan.months.map { p in
                .init(label: p.key, total: cell(own, p, scope, "total", base, [:]),
                      closed: cell(own, p, scope, "closed", base, ["closed": "1"]))
            },
            grids: units.filter { $0.kind == .grid }.map { u in
                .init(code: u.code, name: u.name, cell: cell(unitCounts, plan.monthPeriod, u.scope, "total", u.query, [:]))
            },
            areas: ranked(.area),
            departments: Array(ranked(.department).filter { $0.total.count > 0 }.prefix(Self.departmentRows)),
            children: children)
    }

    enum UnitKind { case area, grid, department }

    /// The department ranking lists the departments that led cases this month, at most this many.
    public static let departmentRows = 20

    /// The grids (not micro-grids) under `root`, in code order.
    static func grids(under root: String, in atlas: AreaAtlas) -> [AreaNode] {
        var found: [AreaNode] = []
        var queue = [root]
        while let code = queue.popLast() {
            for child in atlas.children(of: code) {
                if child.level == .grid {
                    found.append(child)
                } else if child.level < .grid {
                    queue.append(child.code)
                }
            }
        }
        if let node = atlas.node(root), node.level == .grid { found.append(node) }
        return found.sorted { $0.code < $1.code }
    }

    /// The periods of a board: the day, its month, the 30 days and 12 months up to them.
    struct Plan {
        struct Period {
            var key: String
            var from: String
            var to: String
            var query: [String: String] { ["reportedFrom": from, "reportedTo": to] }
        }

        let dayPeriod: Period
        let monthPeriod: Period
        let days: [Period]
        let months: [Period]
        var month: String { monthPeriod.key }
        var periods: [String] { Array(Set(days.map(\.key) + months.map(\.key) + [dayPeriod.key, monthPeriod.key])) }

        init(date: Date) {
            let calendar = ChinaTime.calendar
            func day(_ d: Date) -> Period {
                let text = ChinaTime.dayString(d)
                return Period(key: text, from: text, to: text)
            }
            func month(_ d: Date) -> Period {
                let first = calendar.date(from: calendar.dateComponents([.year, .month], from: d)) ?? d
                let last = calendar.date(byAdding: DateComponents(month: 1, day: -1), to: first) ?? first
                let from = ChinaTime.dayString(first)
                return Period(key: String(from.prefix(7)), from: from, to: ChinaTime.dayString(last))
            }
            dayPeriod = day(date)
            monthPeriod = month(date)
            days = (0..<30).reversed().map { day(calendar.date(byAdding: .day, value: -$0, to: date) ?? date) }
            months = (0..<12).reversed().map { month(calendar.date(byAdding: .month, value: -$0, to: date) ?? date) }
        }
    }
}
