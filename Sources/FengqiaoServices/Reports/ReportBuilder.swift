import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Computes a report's figures (`ReportSnapshot`) for an area and a period: case figures from `case_rollups` (the
/// period's day rows of the area and of each area under it), or — for a 专报 on a category, which the rollups do not
/// break down — from one grouped count over the period's cases of that category; the top categories from one
/// grouped count; 信访、调解 figures as `CentreFigures` counts them; the warnings raised in the period.
struct ReportBuilder: Sendable {
    let platform: Platform

    /// How many categories the 突出问题 list names.
    static let topCategories = 10
    /// How many red and orange warnings the report lists.
    static let seriousWarnings = 20
    /// Periods longer than this are charted by month instead of by day.
    static let dailyTrendDays = 62

    struct Topic: Sendable {
        var kind: ReportKind
        var period: ReportingPeriod
        var areaCode: String
        var areaName: String
        var category: String?
        var categoryName: String?
    }

    func snapshot(_ topic: Topic, maker: String, includesMediations: Bool) async throws -> ReportSnapshot {
        let atlas = try await platform.areaAtlas()
        let names = try await CaseCategories(platform: platform).names()
        guard let root = AreaCode(topic.areaCode) else { throw DomainError.notFound(what: "该区域") }
        let range = Jurisdiction(root: root)
        let children = atlas.children(of: topic.areaCode).filter { $0.level < .grid }.sorted { $0.code < $1.code }
            .compactMap { node in AreaCode(node.code).map { (node: node, range: Jurisdiction(root: $0, level: node.level)) } }
        let childLength = children.first?.range.prefix.count ?? range.prefix.count
        let days = (0...(topic.period.last.dayNumber - topic.period.first.dayNumber))
            .map { topic.period.first.adding(days: $0).description }
        let from = topic.period.first.description, to = topic.period.last.description
        var snapshot = ReportSnapshot(
            kind: topic.kind, areaCode: topic.areaCode, areaName: topic.areaName, from: from, to: to,
            category: topic.category, categoryName: topic.categoryName, generatedAt: platform.clock.now(), generatedBy: maker)

        // Measures of the whole area, per day, per child prefix.
        let (tally, categories, petitions, mediations, warnings) = try await platform.database.read { db in
            var own: [String: Int] = [:]
            var byDay: [String: [String: Int]] = [:]
            var byChild: [String: [String: Int]] = [:]
            let reports = ReportRepository(db)
            if let category = topic.category {
                for (facts, n) in try await reports.caseFacts(
                    prefix: range.prefix, from: from, to: to, category: category, categoryName: topic.categoryName,
                    areaLength: childLength)
                {
                    for measure in CaseRollupKeys.measures(facts) {
                        own[measure, default: 0] += n
                        byDay[facts.reportedDay, default: [:]][measure, default: 0] += n
                        if !children.isEmpty { byChild[facts.areaCode, default: [:]][measure, default: 0] += n }
                    }
                }
            } else {
                let ownScope = CaseRollupKeys.scope(of: range)
                let scopes = [ownScope] + children.map { CaseRollupKeys.scope(of: $0.range) }
                let counts = try await CaseRollupRepository(db).counts(periods: days, scopes: scopes)
                for (key, n) in counts {
                    if key.scope == ownScope {
                        own[key.measure, default: 0] += n
                        byDay[key.period, default: [:]][key.measure, default: 0] += n
                    } else {
                        byChild[String(key.scope.dropFirst("area:".count)), default: [:]][key.measure, default: 0] += n
                    }
                }
            }
            let categories = try await reports.categoryCounts(
                prefix: range.prefix, from: from, to: to, category: topic.category, categoryName: topic.categoryName,
                limit: Self.topCategories)
            let figures = CentreFigureRepository(db)
            let ms = topic.period.milliseconds
            let petitions = try await figures.petitions(
                codesFrom: range.prefix, below: range.upperBound, received: ms, groupLength: nil)[""]
            let mediations = includesMediations ? try await figures.mediations(
                codesFrom: range.prefix, below: range.upperBound, during: ms, groupLength: nil)[""] : nil
            let warnings = try await reports.warnings(prefix: range.prefix, raisedFrom: ms.lowerBound, before: ms.upperBound)
            return ((own, byDay, byChild), categories, petitions, mediations, warnings)
        }
        let (own, byDay, byChild) = tally

        snapshot.cases = Self.figures(own)
        snapshot.states = CaseState.allCases.map { .init(code: $0.rawValue, name: $0.chineseName, count: own["state:" + $0.rawValue] ?? 0) }
        snapshot.channels = Channel.allCases.map { .init(code: $0.rawValue, name: $0.chineseName, count: own["channel:" + $0.rawValue] ?? 0) }
        snapshot.kinds = CaseKind.allCases.map { .init(code: $0.rawValue, name: $0.chineseName, count: own["kind:" + $0.rawValue] ?? 0) }
        var rows = children.map { child in
            ReportSnapshot.AreaRow(code: child.node.code, name: child.node.name,
                                   figures: Self.figures(byChild[child.range.prefix] ?? [:]))
        }
        if !children.isEmpty {
            // Cases registered at the area itself fall under no child: the area's own 本级 row.
            var rest = own
            for child in children {
                for (measure, n) in byChild[child.range.prefix] ?? [:] { rest[measure, default: 0] -= n }
            }
            if (rest["total"] ?? 0) > 0 {
                rows.append(.init(code: topic.areaCode, name: topic.areaName + "本级", figures: Self.figures(rest)))
            }
        }
        snapshot.areas = rows
        snapshot.trend = Self.trend(days: days, byDay: byDay)
        snapshot.topCategories = categories.map {
            .init(code: $0.category, name: names[$0.category] ?? CaseKind(rawValue: $0.category)?.chineseName ?? $0.category,
                  count: $0.count)
        }
        snapshot.figures = CentreFigures.row(petitions, mediations)
        snapshot.includesMediations = includesMediations
        snapshot.warningsRaised = warnings.count
        snapshot.warningLevels = RiskLevel.allCases.reversed().map { level in
            .init(code: level.rawValue, name: level.chineseName, count: warnings.filter { $0.level == level.rawValue }.count)
        }
        snapshot.warningRules = RiskRuleKind.allCases.map { rule in
            .init(code: rule.rawValue, name: rule.chineseName, count: warnings.filter { $0.rule == rule.rawValue }.count)
        }.filter { $0.count > 0 }
        snapshot.seriousWarnings = warnings.filter { [RiskLevel.red.rawValue, RiskLevel.orange.rawValue].contains($0.level) }
            .prefix(Self.seriousWarnings).map { w in
                .init(number: w.number, level: w.level, levelName: RiskLevel(rawValue: w.level)?.chineseName ?? w.level,
                      ruleName: RiskRuleKind(rawValue: w.rule)?.chineseName ?? w.rule,
                      areaName: atlas.node(w.areaCode)?.name ?? w.areaCode,
                      stateName: RiskWarningState(rawValue: w.state)?.chineseName ?? w.state, summary: w.summary,
                      raisedAt: Date(millisecondsSince1970: w.raisedAt))
            }
        return snapshot
    }

    static func figures(_ m: [String: Int]) -> ReportSnapshot.CaseFigures {
        var f = ReportSnapshot.CaseFigures()
        f.total = m[CaseRollupMeasure.total.rawValue] ?? 0
        f.closed = m[CaseRollupMeasure.closed.rawValue] ?? 0
        f.closedOnTime = m[CaseRollupMeasure.closedOnTime.rawValue] ?? 0
        f.rated = m[CaseRollupMeasure.rated.rawValue] ?? 0
        f.satisfied = m[CaseRollupMeasure.satisfied.rawValue] ?? 0
        f.resolved = m[CaseRollupMeasure.resolved.rawValue] ?? 0
        f.resolvedVillage = m[CaseRollupMeasure.resolvedVillage.rawValue] ?? 0
        f.overdue = m[CaseRollupMeasure.overdue.rawValue] ?? 0
        f.supervised = m[CaseRollupMeasure.supervised.rawValue] ?? 0
        return f
    }

    /// Received and closed per day, or per month for periods longer than `dailyTrendDays`.
    static func trend(days: [String], byDay: [String: [String: Int]]) -> [ReportSnapshot.TrendPoint] {
        func n(_ day: String, _ m: String) -> Int { byDay[day]?[m] ?? 0 }
        if days.count <= dailyTrendDays {
            return days.map { .init(label: String($0.suffix(5)), from: $0, to: $0, total: n($0, "total"), closed: n($0, "closed")) }
        }
        var points: [ReportSnapshot.TrendPoint] = []
        for day in days {
            let month = String(day.prefix(7))
            if let last = points.last, last.from.hasPrefix(month) {
                points[points.count - 1].to = day
                points[points.count - 1].total += n(day, "total")
                points[points.count - 1].closed += n(day, "closed")
            } else {
                let label = "\(Int(day.dropFirst(5).prefix(2)) ?? 0)月"
                points.append(.init(label: label, from: day, to: day, total: n(day, "total"), closed: n(day, "closed")))
            }
        }
        return points
    }
}
