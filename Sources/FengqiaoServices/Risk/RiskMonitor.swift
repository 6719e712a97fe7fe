import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Incremental risk evaluation: follows `case_events` from where it stopped, refreshes the risk facts of the cases
/// they touched, evaluates every group those cases are in and files what it finds (`RiskWarningLedger`). Runs from
/// the job queue every few seconds, never on the intake path; one batch per write transaction, serialised across
/// instances by an advisory lock on PostgreSQL (SQLite has one writer). Cases reported before the rules' horizon
/// are skipped: no rule looks that far back.
public struct RiskMonitor: Sendable {
    let platform: Platform
    public var batchSize = 4_000

    static let lockKey: Int64 = 0x6671_7269_736B  // "fqrisk"
    static let dayMs: Int64 = 86_400_000

    public init(platform: Platform) { self.platform = platform }

    /// Processes events until caught up (at most `maxBatches` batches of `batchSize` events); returns how many cases
    /// it evaluated. A batch that is not full ends the run: under a steady stream of reports the monitor takes what
    /// came in since its last run in full batches, rather than chasing each new event in a batch of its own (every
    /// batch evaluates and files each group it touches, so many small batches cost far more than a few full ones).
    @discardableResult
    public func run(maxBatches: Int = 50) async throws -> Int {
        let setting = try await RiskSetting.load(platform)
        var evaluated = 0
        for _ in 0..<maxBatches {
            let (cases, more) = try await batch(setting)
            evaluated += cases
            if !more { break }
        }
        return evaluated
    }

    /// Where a monitor switched on over an existing history starts: after the last event there is (the nightly
    /// sweep covers the cases before it).
    public func startAtTheEnd() async throws {
        try await platform.database.write { db in
            let repository = RiskRepository(db)
            if try await SettingsRepository(db).value("risk.monitor.cursor") == nil {
                try await repository.setCursor(try await repository.lastEventId())
            }
        }
    }

    /// What one batch found, read without holding the database's writer.
    struct Plan {
        var cursor: Int64
        var last: Int64
        /// Whether the batch was as large as allowed (more may be waiting).
        var full: Bool
        var facts: [RiskCaseFact]
        var findings: [RiskFinding]
    }

    /// One batch: reads the events, derives the facts and evaluates their groups in a read transaction (SQLite's
    /// single writer stays free for intake meanwhile), then writes the facts, the warnings and the new position in
    /// one short write transaction, unless another instance moved the position first.
    private func batch(_ setting: RiskSetting) async throws -> (cases: Int, more: Bool) {
        let now = platform.clock.now().millisecondsSince1970
        let (kind, size) = (platform.database.kind, batchSize)
        let horizon = now - Int64(setting.horizonDays) * Self.dayMs
        let plan = try await platform.database.read { db -> Plan? in
            let repository = RiskRepository(db)
            let cursor = try await repository.cursor()
            let (caseIds, last, events) = try await repository.casesWithEvents(after: cursor, limit: size)
            guard let last else { return nil }
            let facts = try await repository.sources(caseIds: caseIds).map(\.riskFact).filter { $0.reportedAt > horizon }
            let earlier = try await repository.facts(caseIds: facts.map(\.caseId)).map(\.riskFact)
            var findings: [RiskFinding] = []
            var seen = Set<RiskGroupKey>()
            for fact in facts {
                let book = setting.book(for: fact.areaCode)
                for group in RiskGroupKey.groups(of: fact, book: book) where seen.insert(group).inserted {
                    if let finding = try await Self.finding(group, newest: fact, batch: facts, earlier: earlier, book: book,
                                                            now: now, setting: setting, in: repository) {
                        findings.append(finding)
                    }
                }
            }
            return Plan(cursor: cursor, last: last, full: events == size, facts: facts, findings: findings)
        }
        guard let plan else { return (0, false) }
        let written = try await platform.database.write { db -> Bool in
            if kind == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.lockKey))").run() }
            let repository = RiskRepository(db)
            guard try await repository.cursor() == plan.cursor else { return false }
            try await repository.upsert(plan.facts.map(RiskFactRecord.init))
            try await RiskWarningLedger.record(plan.findings, at: now, in: db)
            try await repository.setCursor(plan.last)
            return true
        }
        return (written ? plan.facts.count : 0, !written || plan.full)
    }

    /// The most recent cases a group finding links (its count covers them all).
    static let linkedSample = 200

    /// What the rule of `group` finds now. The group is judged by its count: the stored facts in its window, less the
    /// `earlier` stored facts of the `batch` being evaluated (their new facts replace them), plus the batch's cases in
    /// it. Only a group that fires with no open warning reads its latest cases to link; an open warning has those
    /// already and takes the batch's.
    static func finding(
        _ group: RiskGroupKey, newest fact: RiskCaseFact, batch: [RiskCaseFact], earlier: [RiskCaseFact] = [],
        book: RiskRuleBook, now: Int64, setting: RiskSetting, in repository: RiskRepository
    ) async throws -> RiskFinding? {
        if case .single = group {
            return RiskRules.evaluate(group, facts: [fact], asOf: now, book: book, name: setting.name)
        }
        var history: [Int] = []
        var from: Int64 = 0
        if case .surge(let area, let category, let day) = group {
            let days = RiskSweep.previousWeekdays(of: day, weeks: book.surge.weeks) ?? []
            let counts = try await repository.dayCounts(area: area, category: category, days: days)
            history = days.map { counts[$0] ?? 0 }
        } else {
            from = now - Int64(book.windowDays(for: group) ?? 0) * dayMs
        }
        let inBatch = batch.filter { group.contains($0) && $0.reportedAt <= now && (from == 0 || $0.reportedAt > from) }
        let replaced = earlier.filter { group.contains($0) && (from == 0 || ($0.reportedAt > from && $0.reportedAt <= now)) }
        let total = try await repository.count(in: group, from: from, through: now) - replaced.count + inBatch.count
        func evaluate(_ facts: [RiskCaseFact]) -> RiskFinding? {
            RiskRules.evaluate(group, facts: facts, asOf: now, book: book, history: history, name: setting.name, total: total)
        }
        guard let judged = evaluate(inBatch) else { return nil }
        if try await repository.hasOpenWarning(subject: group.subject) { return judged }
        let fresh = Set(batch.map(\.caseId))
        let latest = try await repository.facts(in: group, from: from, through: now, limit: linkedSample + replaced.count)
            .map(\.riskFact).filter { !fresh.contains($0.caseId) }.suffix(linkedSample)
        return evaluate(Array(latest) + inBatch)
    }
}
