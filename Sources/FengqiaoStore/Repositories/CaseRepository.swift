import Foundation
import SQLKit

/// Cases, their events, their numbers and their daily counters, on one connection (usually inside
/// one `Database.write` transaction).
public struct CaseRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Reserves the next sequence number for a county and year. Works the same on SQLite and PostgreSQL.
    public func nextSequence(countyPrefix: String, year: Int) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO case_number_sequences (county_code, year, last_sequence) VALUES (\(bind: countyPrefix), \(bind: year), 1)
            ON CONFLICT (county_code, year) DO UPDATE SET last_sequence = case_number_sequences.last_sequence + 1
            RETURNING last_sequence
            """).first()
        guard let row else { throw StoreError.noRowReturned("case_number_sequences") }
        return try row.decode(column: "last_sequence", as: Int.self)
    }

    /// Sets the sequence counters to at least the given values (after a bulk load).
    public func raiseSequences(_ lastSequence: [String: Int], year: Int) async throws {
        for (county, last) in lastSequence {
            try await db.raw("""
                INSERT INTO case_number_sequences (county_code, year, last_sequence) VALUES (\(bind: county), \(bind: year), \(bind: last))
                ON CONFLICT (county_code, year) DO UPDATE SET last_sequence =
                  CASE WHEN case_number_sequences.last_sequence > \(bind: last) THEN case_number_sequences.last_sequence ELSE \(bind: last) END
                """).run()
        }
    }

    /// Inserts the case and its first events; returns the new id.
    public func insert(_ record: CaseRecord, events: [CaseEventRecord]) async throws -> Int64 {
        let row = try await db.insert(into: "cases").columns(CaseRecord.columns).values(record.values.map { SQLBind($0) })
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("cases") }
        let id = try row.decode(column: "id", as: Int64.self)
        try await db.insertRows(
            into: "case_events", columns: CaseEventRecord.columns,
            rows: events.map { event in
                var e = event
                e.caseId = id
                return e.values
            }
        )
        // The version counts the case's events (optimistic concurrency of the case engine).
        try await db.update("cases").set("version", to: events.count).where("id", .equal, id).run()
        try await addToDailyCount(day: record.reportedDay, areaCode: record.areaCode, kind: record.kind,
                                  channel: record.channel, state: record.state, delta: 1)
        let rollups = CaseRollupRepository(db)
        try await rollups.apply(before: [], after: Array(try await rollups.facts(ids: [id]).values))
        return id
    }

    public func find(idempotencyKey: String) async throws -> CaseRecord? {
        try await db.select().column("*").from("cases").where("idempotency_key", .equal, idempotencyKey).first()?
            .decode(model: CaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(trackingCode: String) async throws -> CaseRecord? {
        try await db.select().column("*").from("cases").where("tracking_code", .equal, trackingCode).first()?
            .decode(model: CaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(number: String) async throws -> CaseRecord? {
        try await db.select().column("*").from("cases").where("number", .equal, number).first()?
            .decode(model: CaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func events(caseId: Int64) async throws -> [CaseEventRecord] {
        try await db.select().column("*").from("case_events").where("case_id", .equal, caseId).orderBy("id").all()
            .map { try $0.decode(model: CaseEventRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func count() async throws -> Int {
        try await db.countRows(in: "cases")
    }

    /// Adds `delta` to one counter cell, creating it when absent.
    public func addToDailyCount(day: String, areaCode: String, kind: String, channel: String, state: String, delta: Int) async throws {
        try await db.raw("""
            INSERT INTO case_daily_counts (day, area_code, kind, channel, state, count)
            VALUES (\(bind: day), \(bind: areaCode), \(bind: kind), \(bind: channel), \(bind: state), \(bind: delta))
            ON CONFLICT (day, area_code, kind, channel, state) DO UPDATE SET count = case_daily_counts.count + \(bind: delta)
            """).run()
    }

    /// Recomputes the counters of one day from the cases themselves (repair and nightly check).
    /// Returns the number of counter rows written.
    @discardableResult
    public func rebuildDailyCounts(day: String) async throws -> Int {
        try await db.delete(from: "case_daily_counts").where("day", .equal, day).run()
        try await db.raw("""
            INSERT INTO case_daily_counts (day, area_code, kind, channel, state, count)
            SELECT reported_day, area_code, kind, channel, state, COUNT(*) FROM cases
            WHERE reported_day = \(bind: day) GROUP BY reported_day, area_code, kind, channel, state
            """).run()
        return try await db.countRows(in: "case_daily_counts", where: ("day", day))
    }

    /// Case totals per state from the counters, optionally within an area code prefix.
    public func totalsByState(areaPrefix: String? = nil) async throws -> [String: Int] {
        // SUM of a BIGINT is NUMERIC on PostgreSQL; cast so both engines return an integer.
        let query = db.select().column("state").column(SQLRaw(#"CAST(SUM("count") AS BIGINT)"#), as: "n")
            .from("case_daily_counts").groupBy("state")
        if let areaPrefix { query.where("area_code", .like, areaPrefix + "%") }
        var result: [String: Int] = [:]
        for row in try await query.all() {
            result[try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int?.self) ?? 0
        }
        return result
    }

    /// Cases in `states` filed inside the subtree `prefix`, grouped by the first `groupLength`
    /// characters of their finest code (grid, else area).
    public func counts(states: [String], prefix: String, groupLength: Int) async throws -> [String: Int] {
        // Cases carry their village (or coarser) in area_code; filter on it, then group by the finest code.
        let areaPrefix = String(prefix.prefix(12))
        let finest = SQLFunction("COALESCE", args: SQLIdentifier("grid_code"), SQLIdentifier("area_code"))
        let key = SQLFunction("substr", args: finest, SQLLiteral.numeric("1"), SQLLiteral.numeric(String(groupLength)))
        let rows = try await db.select().column(key, as: "k").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("cases")
            .where("area_code", .greaterThanOrEqual, areaPrefix).where("area_code", .lessThan, areaPrefix + ":")
            .where("state", .in, states)
            .groupBy(key).all()
        var result: [String: Int] = [:]
        for row in rows {
            let k = try row.decode(column: "k", as: String.self)
            if k.hasPrefix(prefix) { result[k] = try row.decode(column: "n", as: Int.self) }
        }
        return result
    }

    /// The newest cases filed inside the subtree `prefix`.
    public func latest(prefix: String, limit: Int) async throws -> [CaseRecord] {
        let areaPrefix = String(prefix.prefix(12))
        let query = db.select().column("*").from("cases")
            .where("area_code", .greaterThanOrEqual, areaPrefix).where("area_code", .lessThan, areaPrefix + ":")
        if prefix.count > 12 {
            query.where("grid_code", .greaterThanOrEqual, prefix).where("grid_code", .lessThan, prefix + ":")
        }
        return try await query.orderBy("reported_at", .descending).limit(limit).all()
            .map { try $0.decode(model: CaseRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
