import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// Adds a progress note by the platform itself (`job`, e.g. `camera-alert`) to case `caseId`, inside
    /// the caller's transaction: the engine's write path without a member of staff (event, projection,
    /// counters, clocks). Returns the case row, or nil when the case is no longer open — the caller then
    /// opens a new one instead. Auditing is the caller's.
    static func addSystemNote(
        _ note: String, job: String, caseId: Int64, now: Date, calendar: BusinessCalendar, policy: CasePolicy,
        in db: any SQLDatabase
    ) async throws -> CaseRecord? {
        guard let record = try await CaseEngineRepository(db).find(id: caseId) else { return nil }
        let loaded = try await Self.history(of: record, id: caseId, in: db)
        guard let snapshot = loaded.snapshot, snapshot.state.isOpen else { return nil }
        let added = try CaseWorkflow.systemNote(snapshot, note: note, job: job, at: now)
        _ = try await Self.commit(added, to: loaded, snapshot: snapshot, now: now, calendar: calendar, policy: policy,
                                  audit: nil, kind: .sqlite, in: db)
        return record
    }
}
