import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Turns clocks yellow at 80% of their limit and red past their deadline, and queues one
/// notification per turn. Looks only at clocks whose 80% point or deadline has passed (the
/// `(status, due_at)` index); each case in its own write transaction, and each row changes only if
/// no other instance changed it first, so several instances may scan at once.
///
/// When the policy escalates overdue tiers, a case whose tier deadline (调处时限) has passed is
/// escalated one tier by the engine in the same transaction (`CaseEngine.escalateIfTierOverdue`);
/// cases already red on their tier clock that could not escalate then (dispatched, or the policy
/// switched on later) are picked up on later scans. Two instances scanning the same case: one commits,
/// the other's version check fails and its transaction rolls back.
public struct CaseClockScan: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Scans up to `limit` cases; returns how many notifications were queued.
    @discardableResult
    public func run(limit: Int = 500) async throws -> Int {
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let calendar = try await platform.businessCalendar()
        let policy = try await platform.casePolicy()
        let kind = platform.database.kind
        let caseIds = try await platform.database.read { db in
            let repository = CaseClockRepository(db)
            var ids = try await repository.casesNeedingScan(now: now.millisecondsSince1970, limit: limit)
            if policy.escalatesWhenTierOverdue {
                let top = MediationTier.allCases.filter { $0.next == nil }.map(\.rawValue)
                let states = CaseState.allCases.filter { CaseTransitionTable.allows(.escalate, in: $0) }.map(\.rawValue)
                for id in try await repository.casesWithOverdueClock(kind: ClockKind.tier.rawValue, states: states,
                                                                     excludingTiers: top, limit: limit)
                where !ids.contains(id) {
                    ids.append(id)
                }
            }
            return ids
        }
        var queued = 0
        for caseId in caseIds {
            do {
                queued += try await platform.database.write { db in try await CaseRollupRepository.batching(in: db) {
                    let engine = CaseEngineRepository(db)
                    guard let record = try await engine.find(id: caseId) else { return 0 }
                    let version = try await engine.version(caseId: caseId)
                    guard let events = try? CaseEventCodec.events(try await CaseRepository(db).events(caseId: caseId))
                    else { return 0 }
                    let sent = try await CaseClockBook.sync(
                        CaseClockBook.Subject(record, caseId: caseId), events: events, now: now, calendar: calendar,
                        policy: policy, promote: true, in: db)
                    _ = try await CaseEngine.escalateIfTierOverdue(
                        caseId: caseId, record: record, rowVersion: version, events: events, now: now, calendar: calendar,
                        policy: policy, kind: kind, in: db)
                    return sent
                } }
            } catch DomainError.conflict(let code, _) where code == "version_conflict" {
                // Another instance (or a person) moved the case first; the next scan looks again.
                continue
            }
        }
        return queued
    }
}
