import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The nightly full scan: re-derives the risk facts of every case within the rules' horizon (so nothing the
/// incremental monitor missed — a case from before it was switched on, an edited rule book — stays unseen), files
/// the rules about one case as it reads them, then runs every group rule over all the facts at once
/// (`RiskSweep`). What it finds goes through the same ledger, so it never repeats a warning the monitor raised.
public struct RiskNightlySweep: Sendable {
    let platform: Platform
    public var chunkSize = 1_000

    public init(platform: Platform) { self.platform = platform }

    /// Returns how many cases it looked at.
    @discardableResult
    public func run() async throws -> Int {
        let setting = try await RiskSetting.load(platform)
        let now = platform.clock.now().millisecondsSince1970
        let horizon = now - Int64(setting.horizonDays) * RiskMonitor.dayMs
        let firstDay = ChinaTime.dayString(Date(millisecondsSince1970: horizon))
        let ids = try await platform.database.read { try await RiskRepository($0).caseIds(reportedSince: firstDay) }
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + chunkSize, ids.count)])
            start += chunkSize
            try await platform.database.write { db in
                let repository = RiskRepository(db)
                let facts = try await repository.sources(caseIds: chunk).map(\.riskFact).filter { $0.reportedAt > horizon }
                try await repository.upsert(facts.map(RiskFactRecord.init))
                var findings: [RiskFinding] = []
                for fact in facts {
                    let book = setting.book(for: fact.areaCode)
                    for rule in [RiskRuleKind.mass, .keyword, .keyPerson] where book.isEnabled(rule) {
                        if let finding = try await RiskMonitor.finding(
                            .single(rule: rule, caseId: fact.caseId), newest: fact, batch: [fact], book: book, now: now,
                            setting: setting, in: repository)
                        {
                            findings.append(finding)
                        }
                    }
                }
                try await RiskWarningLedger.record(findings, at: now, in: db)
            }
        }
        let facts = try await platform.database.read { try await RiskRepository($0).facts(from: horizon, through: now) }
            .map(\.riskFact)
        var daily: [String: Int] = [:]
        for fact in facts { daily["\(fact.areaCode)|\(fact.category)|\(fact.reportedDay)", default: 0] += 1 }
        let findings = RiskSweep.findings(
            in: facts, asOf: now, book: { setting.book(for: $0.areaCode).groupRulesOnly },
            history: { group in
                guard case .surge(let area, _, _) = group else { return [] }
                return RiskSweep.weekdayHistory(of: group, weeks: setting.book(for: area).surge.weeks) {
                    daily["\($0)|\($1)|\($2)"] ?? 0
                }
            },
            name: setting.name)
        try await platform.database.write { db in
            try await RiskWarningLedger.record(findings, at: now, in: db)
        }
        return ids.count
    }
}
