import Foundation
import SQLKit

/// Filing many new cases in a few multi-row statements (public intake's batches), the same on SQLite
/// and PostgreSQL.
extension CaseRepository {
    /// One case number sequence: a county in a year.
    public struct SequenceKey: Hashable, Sendable {
        public var countyPrefix: String
        public var year: Int

        public init(countyPrefix: String, year: Int) {
            self.countyPrefix = countyPrefix
            self.year = year
        }
    }

    /// The cases carrying any of `keys`, by idempotency key.
    public func find(idempotencyKeys keys: [String]) async throws -> [String: CaseRecord] {
        var found: [String: CaseRecord] = [:]
        for chunk in Self.chunks(of: Array(Set(keys)), size: 1_000) {
            let rows = try await db.select().column("*").from("cases").where("idempotency_key", .in, Array(chunk)).all()
            for row in rows {
                let record = try row.decode(model: CaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
                if let key = record.idempotencyKey { found[key] = record }
            }
        }
        return found
    }

    /// Advances every sequence in `counts` by its count (creating it when absent) and answers each one's
    /// last sequence number afterwards: sequence `key` reserved `last - counts[key] + 1 … last`.
    public func advanceSequences(_ counts: [SequenceKey: Int]) async throws -> [SequenceKey: Int] {
        var last: [SequenceKey: Int] = [:]
        for chunk in Self.chunks(of: Array(counts), size: 1_000) {
            let insert = db.insert(into: "case_number_sequences").columns("county_code", "year", "last_sequence")
            for (key, count) in chunk {
                insert.values(SQLBind(key.countyPrefix), SQLBind(key.year), SQLBind(count))
            }
            let rows = try await insert.onConflict(with: ["county_code", "year"]) {
                $0.set("last_sequence", to: SQLRaw("case_number_sequences.last_sequence + excluded.last_sequence"))
            }.returning("county_code", "year", "last_sequence").all()
            for row in rows {
                let key = SequenceKey(countyPrefix: try row.decode(column: "county_code", as: String.self),
                                      year: try row.decode(column: "year", as: Int.self))
                last[key] = try row.decode(column: "last_sequence", as: Int.self)
            }
        }
        guard last.count == counts.count else { throw StoreError.noRowReturned("case_number_sequences") }
        return last
    }

    /// Inserts new cases (numbers already reserved) with all their rows: the case rows (their version
    /// counting their events, their clock columns set), events, clocks and attachments, and adds them
    /// to the daily counters, each counter cell once with the sum. Returns the new ids, in order.
    @discardableResult
    public func insert(_ filings: [CaseFiling]) async throws -> [Int64] {
        guard !filings.isEmpty else { return [] }
        let rows = try await db.insertRows(
            into: "cases", columns: CaseRecord.columns + ["version", "due_at", "clock_status"],
            rows: filings.map { $0.record.values + [$0.events.count, $0.dueAt, $0.clockStatus] },
            returning: ["id", "number"])
        // RETURNING answers in no promised order: pair the ids by number.
        var idByNumber: [String: Int64] = [:]
        for row in rows {
            idByNumber[try row.decode(column: "number", as: String.self)] = try row.decode(column: "id", as: Int64.self)
        }
        let ids = try filings.map { filing in
            guard let id = idByNumber[filing.record.number] else { throw StoreError.noRowReturned("cases") }
            return id
        }
        var events: [[any Encodable & Sendable]] = []
        var clocks: [[any Encodable & Sendable]] = []
        var attachments: [[any Encodable & Sendable]] = []
        for (filing, id) in zip(filings, ids) {
            for var event in filing.events {
                event.caseId = id
                events.append(event.values)
            }
            for clock in filing.clocks {
                clocks.append([id, clock.kind, clock.departmentId, clock.startedAt, clock.stoppedAt, clock.limitUnit,
                               clock.limitValue, clock.dueAt, clock.checkAt, clock.pausedSince, clock.pausedMs, clock.status])
            }
            for file in filing.attachments {
                attachments.append([id, file.storedName, file.fileType, file.size, file.sha256, file.originalName,
                                    file.uploadedBy, file.createdAt])
            }
        }
        try await db.insertRows(into: "case_events", columns: CaseEventRecord.columns, rows: events)
        try await db.insertRows(into: "case_clocks", columns: Self.clockColumns, rows: clocks)
        try await db.insertRows(into: "case_attachments", columns: Self.attachmentColumns, rows: attachments)
        try await addToDailyCounts(filings.map(\.record))
        let rollups = CaseRollupRepository(db)
        try await rollups.apply(before: [], after: Array(try await rollups.facts(ids: ids).values))
        return ids
    }

    /// Adds one to the counter cell of each of `records`: one multi-row upsert of the summed cells.
    func addToDailyCounts(_ records: [CaseRecord]) async throws {
        var cells: [[String]: Int] = [:]
        var order: [[String]] = []
        for record in records {
            let cell = [record.reportedDay, record.areaCode, record.kind, record.channel, record.state]
            if cells[cell] == nil { order.append(cell) }
            cells[cell, default: 0] += 1
        }
        // A multi-row upsert may not touch one row twice (PostgreSQL), hence the sums.
        for chunk in Self.chunks(of: order, size: 1_000) {
            let insert = db.insert(into: "case_daily_counts").columns("day", "area_code", "kind", "channel", "state", "count")
            for cell in chunk {
                insert.values(cell.map { SQLBind($0) } + [SQLBind(cells[cell] ?? 0)])
            }
            try await insert.onConflict(with: ["day", "area_code", "kind", "channel", "state"]) {
                $0.set("count", to: SQLRaw("case_daily_counts.count + excluded.count"))
            }.run()
        }
    }

    static let clockColumns = [
        "case_id", "kind", "department_id", "started_at", "stopped_at", "limit_unit", "limit_value", "due_at", "check_at",
        "paused_since", "paused_ms", "status",
    ]

    static let attachmentColumns = [
        "case_id", "stored_name", "file_type", "size", "sha256", "original_name", "uploaded_by", "created_at",
    ]

    /// `items` in consecutive slices of at most `size` (to stay under the bound-parameter limits).
    static func chunks<T>(of items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min(items.count, $0 + size)] }
    }
}
