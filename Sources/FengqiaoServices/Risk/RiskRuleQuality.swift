import FengqiaoDomain
import Foundation

/// How well one rule did on a scenario: what was planted, what it reported, and how much of each matched.
public struct RiskRuleQuality: Sendable, Equatable {
    public let rule: RiskRuleKind
    public let planted: Int
    public let reported: Int
    public let matched: Int

    public init(rule: RiskRuleKind, planted: Int, reported: Int, matched: Int) {
        self.rule = rule
        self.planted = planted
        self.reported = reported
        self.matched = matched
    }

    /// Share of reported situations that were planted; 1 when nothing was reported.
    public var precision: Double { reported == 0 ? 1 : Double(matched) / Double(reported) }
    /// Share of planted situations reported; 1 when nothing was planted.
    public var recall: Double { planted == 0 ? 1 : Double(matched) / Double(planted) }

    /// Runs the nightly sweep at the end of each evaluation day over the cases known then, and compares the
    /// situations reported in the period (those with a case in it) with the planted ones, rule by rule.
    public static func measure(_ scenario: RiskScenario, book: RiskRuleBook = .standard) -> [RiskRuleQuality] {
        var daily: [String: Int] = [:]
        for fact in scenario.facts { daily["\(fact.areaCode)|\(fact.category)|\(fact.reportedDay)", default: 0] += 1 }
        let inPeriod = Set(scenario.facts.filter { $0.reportedAt >= scenario.evaluationStart }.map(\.caseId))
        var reported: [RiskRuleKind: Set<String>] = [:]
        for asOf in scenario.evaluationDays {
            let findings = RiskSweep.findings(
                in: scenario.facts, asOf: asOf, book: { _ in book },
                history: { key in
                    RiskSweep.weekdayHistory(of: key, weeks: book.surge.weeks) { daily["\($0)|\($1)|\($2)"] ?? 0 }
                })
            for finding in findings where finding.caseIds.contains(where: inPeriod.contains) {
                reported[finding.rule, default: []].insert(finding.subject)
            }
        }
        return RiskRuleKind.allCases.map { rule in
            let planted = scenario.planted[rule] ?? []
            let found = reported[rule] ?? []
            return RiskRuleQuality(rule: rule, planted: planted.count, reported: found.count,
                                   matched: found.intersection(planted).count)
        }
    }
}
