import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Files what the rules found as warnings, inside the caller's write transaction: one warning per situation
/// (`RiskWarningDecision`), its cases linked, every change in its history. Findings are filed together, in a few
/// reads and bulk writes however many there are: the monitor files a hundred or more per batch while intake waits
/// for the database's writer.
enum RiskWarningLedger {
    static let actor = "风险研判规则"

    /// Raises or updates the warning of `finding`'s subject; returns what it did.
    @discardableResult
    static func record(_ finding: RiskFinding, at now: Int64, in db: any SQLDatabase) async throws -> RiskWarningDecision {
        try await record([finding], at: now, in: db).first ?? .nothing
    }

    /// Files `findings`; returns what it did with each, in their order.
    @discardableResult
    static func record(_ findings: [RiskFinding], at now: Int64, in db: any SQLDatabase) async throws -> [RiskWarningDecision] {
        // Each round holds one finding per subject (a subject has at most one open warning to file against).
        var decisions: [RiskWarningDecision?] = Array(repeating: nil, count: findings.count)
        var waiting = Array(findings.indices)
        while !waiting.isEmpty {
            var subjects = Set<String>()
            let round = waiting.filter { subjects.insert(findings[$0].subject).inserted }
            waiting.removeAll { round.contains($0) }
            for (index, decision) in zip(round, try await file(round.map { findings[$0] }, at: now, in: db)) {
                decisions[index] = decision
            }
        }
        return decisions.map { $0 ?? .nothing }
    }

    /// Files findings of distinct subjects.
    private static func file(_ findings: [RiskFinding], at now: Int64, in db: any SQLDatabase) async throws -> [RiskWarningDecision] {
        let repository = RiskRepository(db)
        let open = try await repository.openWarnings(subjects: findings.map(\.subject))
        var linkedAsked: [Int64: [Int64]] = [:]
        var closedAsked: [String: [Int64]] = [:]
        for finding in findings {
            if let warning = open[finding.subject] { linkedAsked[warning.id] = finding.caseIds } else { closedAsked[finding.subject] = finding.caseIds }
        }
        let linked = try await repository.linkedCaseIds(linkedAsked)
        let closed = try await repository.closedCaseIds(closedAsked)

        var decisions: [RiskWarningDecision] = []
        var raised: [RiskFinding] = []
        var links: [(warningId: Int64, caseId: Int64)] = []
        var events: [RiskWarningEventRecord] = []
        let encoder = JSONEncoder()
        for finding in findings {
            guard let warning = open[finding.subject] else {
                let decision = RiskWarningDecision.decide(finding, open: nil, closedCaseIds: closed[finding.subject] ?? [])
                if decision == .raise { raised.append(finding) }
                decisions.append(decision)
                continue
            }
            let level = RiskLevel(rawValue: warning.level) ?? .blue
            let decision = RiskWarningDecision.decide(finding, open: (level, linked[warning.id] ?? []), closedCaseIds: [])
            decisions.append(decision)
            guard case .update(let added, let raisedTo) = decision else { continue }
            try await repository.update(
                open: warning.id, level: (raisedTo ?? level).rawValue, summary: finding.summary,
                measures: String(decoding: try encoder.encode(finding.measures), as: UTF8.self),
                caseCount: warning.caseCount + added.count, at: now)
            links += added.map { (warning.id, $0) }
            if !added.isEmpty {
                events.append(RiskWarningEventRecord(
                    warningId: warning.id, kind: "casesAdded", level: (raisedTo ?? level).rawValue, actorName: actor,
                    note: "新增关联案件 \(added.count) 件", at: now))
            }
            if let raisedTo {
                events.append(RiskWarningEventRecord(
                    warningId: warning.id, kind: "levelRaised", level: raisedTo.rawValue, actorName: actor,
                    note: "预警等级升为\(raisedTo.chineseName)", at: now))
            }
        }

        let ids = try await repository.insert(
            try raised.map { finding in
                RiskWarningRecord(
                    number: "", rule: finding.rule.rawValue, level: finding.level.rawValue, subject: finding.subject,
                    areaCode: finding.filingArea, summary: finding.summary,
                    measures: String(decoding: try encoder.encode(finding.measures), as: UTF8.self),
                    state: RiskWarningState.new.rawValue, caseCount: finding.caseIds.count, raisedAt: now, updatedAt: now)
            },
            numberPrefix: "YJ" + ChinaTime.dayString(Date(millisecondsSince1970: now)).prefix(4))
        for finding in raised {
            guard let id = ids[finding.subject] else { continue }
            links += finding.caseIds.map { (id, $0) }
            events.append(RiskWarningEventRecord(
                warningId: id, kind: "raised", level: finding.level.rawValue, actorName: actor, note: finding.explanation, at: now))
        }
        try await repository.addCases(links, at: now)
        try await repository.append(events)
        return decisions
    }
}
