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
        _ note: String, job: String, caseId: Int64, now: Date, calendar: BusinessCalendar, in db: any SQLDatabase
    ) async throws -> CaseRecord? {
        let engine = CaseEngineRepository(db)
        guard let record = try await engine.find(id: caseId) else { return nil }
        let rows = try await CaseRepository(db).events(caseId: caseId)
        guard let events = try? CaseEventCodec.events(rows), let snapshot = CaseSnapshot.replay(events),
              snapshot.state.isOpen
        else { return nil }
        let added = try CaseWorkflow.systemNote(snapshot, note: note, job: job, at: now)
        let after = snapshot.applying(added)
        let projection = Self.projection(after, record: record, now: now)
        let rowVersion = try await engine.version(caseId: caseId)
        guard try await engine.update(caseId: caseId, expectedVersion: rowVersion, to: projection) else {
            throw Self.versionConflict(snapshot)
        }
        try await engine.append(try CaseEventCodec.records(added, after: snapshot, caseId: caseId))
        try await Self.moveCounters(record, to: projection, in: db)
        try await CaseClockBook.sync(.init(record, caseId: caseId), events: events + added, now: now, calendar: calendar,
                                     promote: false, in: db)
        return record
    }
}
