import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// A case read for a command or a view.
    struct Loaded {
        var id: Int64
        var record: CaseRecord
        var rowVersion: Int
        var events: [CaseEvent]
        /// The raw rows when the history is in a legacy format.
        var legacy: [CaseEventRecord]?
        var snapshot: CaseSnapshot?
    }

    /// Case `number` with its history; 404 outside the staff member's jurisdiction, and for department
    /// staff when their department has no part in it.
    static func load(_ number: String, staff: Staff, in db: any SQLDatabase) async throws -> Loaded {
        guard let record = try await CaseRepository(db).find(number: number), let id = record.id,
              staff.jurisdiction.contains(record.gridCode ?? record.areaCode)
        else { throw DomainError.notFound(what: "案件") }
        let loaded = try await history(of: record, id: id, in: db)
        if let department = staff.departmentID {
            guard let snapshot = loaded.snapshot, snapshot.involves(department: department) else {
                throw DomainError.notFound(what: "案件")
            }
        }
        return loaded
    }

    /// Case `record` (row `id`) with its history and row version, whoever asks.
    static func history(of record: CaseRecord, id: Int64, in db: any SQLDatabase) async throws -> Loaded {
        // The version before the events: should another transaction commit in between (PostgreSQL reads
        // each statement afresh), the events are newer than the version and the write is refused.
        let rowVersion = try await CaseEngineRepository(db).version(caseId: id)
        let rows = try await CaseRepository(db).events(caseId: id)
        let events = try? CaseEventCodec.events(rows)
        let snapshot = events.flatMap { CaseSnapshot.replay($0) }
        return Loaded(id: id, record: record, rowVersion: rowVersion, events: events ?? [],
                      legacy: snapshot == nil ? rows : nil, snapshot: snapshot)
    }
}
