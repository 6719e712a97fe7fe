import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// Appends `events` (decided on `snapshot` of `loaded`) and moves everything kept from them inside
    /// the caller's transaction: the case row (guarded by its version), the daily counters, the
    /// departments' assignments and the clocks. Returns the case row and the snapshot after the events.
    static func commit(
        _ events: [CaseEvent], to loaded: Loaded, snapshot: CaseSnapshot, now: Date, calendar: BusinessCalendar,
        in db: any SQLDatabase
    ) async throws -> (record: CaseRecord, after: CaseSnapshot) {
        let engine = CaseEngineRepository(db)
        let after = snapshot.applying(events)
        let projection = projection(after, record: loaded.record, now: now)
        guard try await engine.update(caseId: loaded.id, expectedVersion: loaded.rowVersion, to: projection) else {
            throw versionConflict(snapshot)
        }
        try await engine.append(try CaseEventCodec.records(events, after: snapshot, caseId: loaded.id))
        try await moveCounters(loaded.record, to: projection, in: db)
        try await syncAssignments(caseId: loaded.id, before: snapshot, after: after, now: now, in: db)
        try await CaseClockBook.sync(.init(loaded.record, caseId: loaded.id), events: loaded.events + events, now: now,
                                     calendar: calendar, promote: false, in: db)
        var record = loaded.record
        record.state = projection.state
        record.kind = projection.kind
        record.category = projection.category
        record.urgency = projection.urgency
        record.updatedAt = projection.updatedAt
        return (record, after)
    }
}
