import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// The job the system acts as when a tier deadline escalates a case (the clock scan's).
    static let escalationJob = "case-clocks.scan"

    /// Escalates the case one tier when its tier deadline (调处时限) has passed by `now` and `policy`
    /// escalates overdue tiers: decided by `CaseWorkflow` for the system and committed like any command
    /// (version check, events, projection, clocks, audit), in the caller's transaction. The new tier's
    /// clock starts at `now`, so a second look finds nothing to do. Nothing happens at the top tier (the
    /// case stays overdue), or while the state does not allow escalation (dispatched: once signed for).
    /// `rowVersion` is the case row's version, read before `events` (see `load`). Returns whether the
    /// case escalated.
    static func escalateIfTierOverdue(
        caseId: Int64, record: CaseRecord, rowVersion: Int, events: [CaseEvent], now: Date, calendar: BusinessCalendar,
        policy: CasePolicy, kind: DatabaseKind, in db: any SQLDatabase
    ) async throws -> Bool {
        guard policy.escalatesWhenTierOverdue, let snapshot = CaseSnapshot.replay(events), let next = snapshot.tier.next,
              CaseTransitionTable.allows(.escalate, in: snapshot.state)
        else { return false }
        let clocks = CaseClockPlan.clocks(for: events, calendar: calendar, policy: policy)
        guard let tierClock = clocks.last(where: { $0.kind == .tier && $0.stoppedAt == nil }),
              tierClock.status(at: now, calendar: calendar) == .overdue
        else { return false }
        let reason = "本级(\(snapshot.tier.chineseName))调处时限\(tierClock.effectiveLimit)已届满,自动升级至“\(next.chineseName)”"
        // The guards above leave the workflow nothing to refuse; should it refuse anyway, the case stays
        // red rather than stopping the scan of every other case.
        guard case .success(let decided) = CaseWorkflow.decide(
            snapshot, .escalate(reason: reason), by: .system(job: escalationJob), at: now, policy: policy)
        else { return false }
        let loaded = Loaded(
            id: caseId, record: record, rowVersion: rowVersion, events: events, legacy: nil, snapshot: snapshot)
        let audit = AuditEntry(actorID: nil, actor: "system:\(escalationJob)", role: "system", ip: "local",
                               action: "case.escalate", objectType: "case", objectID: record.number)
        _ = try await commit(decided, to: loaded, snapshot: snapshot, now: now, calendar: calendar, policy: policy,
                             audit: audit, kind: kind, in: db)
        return true
    }
}
