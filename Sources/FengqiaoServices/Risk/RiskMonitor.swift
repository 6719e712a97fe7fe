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
    public var batchSize = 2_000

    static let lockKey: Int64 = 0x6671_7269_736B  // "fqrisk"
    static let dayMs: Int64 = 86_400_000

    public init(platform: Platform) { self.platform = platform }

    /// Processes events until caught up (at most `maxBatches` batches of `batchSize` events); returns how many cases
    /// it evaluated.
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

    private func batch(_ setting: RiskSetting) async throws -> (cases: Int, more: Bool) {
        let now = platform.clock.now().millisecondsSince1970
        let (kind, size) = (platform.database.kind, batchSize)
        return try await platform.database.write { db in
            if kind == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.lockKey))").run() }
            let repository = RiskRepository(db)
            let (caseIds, last) = try await repository.casesWithEvents(after: try await repository.cursor(), limit: size)
            guard let last else { return (0, false) }
            let horizon = now - Int64(setting.horizonDays) * Self.dayMs
            let facts = try await repository.sources(caseIds: caseIds).map(\.riskFact).filter { $0.reportedAt > horizon }
            try await repository.upsert(facts.map(RiskFactRecord.init))
            var seen = Set<RiskGroupKey>()
            for fact in facts {
                let book = setting.book(for: fact.areaCode)
                for group in RiskGroupKey.groups(of: fact, book: book) where seen.insert(group).inserted {
                    try await Self.evaluate(group, newest: fact, book: book, now: now, setting: setting, in: repository, db: db)
                }
            }
            try await repository.setCursor(last)
            return (facts.count, true)
        }
    }

    /// Evaluates one group with its cases from the store and files the finding, if any.
    static func evaluate(
        _ group: RiskGroupKey, newest fact: RiskCaseFact, book: RiskRuleBook, now: Int64, setting: RiskSetting,
        in repository: RiskRepository, db: any SQLDatabase
    ) async throws {
        var members = [fact]
        var history: [Int] = []
        switch group {
        case .single:
            break
        case .surge(let area, let category, let day):
            members = try await repository.facts(in: group, from: 0, through: now).map(\.riskFact)
            let days = RiskSweep.previousWeekdays(of: day, weeks: book.surge.weeks) ?? []
            let counts = try await repository.dayCounts(area: area, category: category, days: days)
            history = days.map { counts[$0] ?? 0 }
        default:
            let window = Int64(book.windowDays(for: group) ?? 0) * dayMs
            members = try await repository.facts(in: group, from: now - window, through: now).map(\.riskFact)
        }
        guard let finding = RiskRules.evaluate(group, facts: members, asOf: now, book: book, history: history,
                                               name: setting.name)
        else { return }
        try await RiskWarningLedger.record(finding, at: now, in: db)
    }
}
