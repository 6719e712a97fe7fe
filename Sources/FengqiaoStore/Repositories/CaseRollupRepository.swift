import FengqiaoDomain
import Foundation
import SQLKit

/// `case_rollups`: the dashboard's counters (see `CaseRollupKeys`). Every write of a `cases` row goes
/// through `tracking(ids:_:)` (or `apply`) in its transaction, so the counters move with the rows.
public struct CaseRollupRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let factColumns = [
        "id", "reported_day", "area_code", "grid_code", "lead_department_id", "state", "channel", "kind", "satisfaction",
        "resolved_tier", "clock_status", "clock_late", "supervision",
    ]

    /// The rollup facts of the cases `ids` (missing ids are left out).
    public func facts(ids: [Int64]) async throws -> [Int64: CaseRollupFacts] {
        var found: [Int64: CaseRollupFacts] = [:]
        for chunk in CaseRepository.chunks(of: Array(Set(ids)), size: 1_000) {
            let rows = try await db.select().columns(Self.factColumns.map { SQLColumn($0) }).from("cases")
                .where("id", .in, Array(chunk)).all()
            for row in rows { found[try row.decode(column: "id", as: Int64.self)] = try Self.facts(row) }
        }
        return found
    }

    /// Runs `write` (which changes the rows `ids`) and moves the counters from the rows' facts before to after.
    public func tracking<T: Sendable>(ids: [Int64], _ write: () async throws -> T) async throws -> T {
        let before = try await facts(ids: ids)
        let result = try await write()
        let after = try await facts(ids: ids)
        guard before != after else { return result }
        try await apply(before: Array(before.values), after: Array(after.values))
        return result
    }

    /// Adds the difference between the cells of `after` and of `before`: one multi-row upsert per
    /// thousand changed cells (a multi-row upsert may touch each row once, hence the summed deltas).
    public func apply(before: [CaseRollupFacts], after: [CaseRollupFacts]) async throws {
        try await add(CaseRollupKeys.delta(before: before, after: after))
    }

    /// Adds `delta` now, or to the transaction's batch (`batching`).
    func add(_ delta: [CaseRollupKey: Int]) async throws {
        if let batch = Self.batch {
            batch.merge(delta)
            return
        }
        try await write(delta)
    }

    func write(_ delta: [CaseRollupKey: Int]) async throws {
        let cells = delta.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        for chunk in CaseRepository.chunks(of: cells, size: 1_000) {
            let insert = db.insert(into: "case_rollups").columns("period", "scope", "measure", "count")
            for (key, count) in chunk {
                insert.values(SQLBind(key.period), SQLBind(key.scope), SQLBind(key.measure), SQLBind(count))
            }
            try await insert.onConflict(with: ["period", "scope", "measure"]) {
                $0.set("count", to: SQLRaw("case_rollups.count + excluded.count"))
            }.run()
        }
    }

    /// Recomputes the counters of one period (`yyyy-MM-dd` or `yyyy-MM`) from the case rows reported in it
    /// (repair and nightly check). Returns the number of counter rows written.
    @discardableResult
    public func rebuild(period: String) async throws -> Int {
        try await db.delete(from: "case_rollups").where("period", .equal, period).run()
        let (from, to) = period.count == 7 ? (period + "-01", period + "-99") : (period, period)
        let cells = try await cells(reportedFrom: from, reportedTo: to).filter { $0.key.period == period }
        try await write(cells)
        return cells.count
    }

    /// Recomputes every counter from the case rows (the migration's backfill, a bulk load), month by month
    /// so that only one month's cells are held at a time.
    @discardableResult
    public func rebuildAll() async throws -> Int {
        try await db.delete(from: "case_rollups").run()
        let month = SQLFunction("substr", args: SQLIdentifier("reported_day"), SQLLiteral.numeric("1"), SQLLiteral.numeric("7"))
        let months = try await db.select().distinct().column(month, as: "m").from("cases").all()
            .map { try $0.decode(column: "m", as: String.self) }
        var written = 0
        for month in months.sorted() {
            let cells = try await cells(reportedFrom: month + "-01", reportedTo: month + "-99")
            try await write(cells)
            written += cells.count
        }
        return written
    }

    /// The cells of the cases reported between the two days, inclusive (all cases when nil), read in pages
    /// of ten thousand rows (by id for all cases, by reported day and id for a period: the day index).
    func cells(reportedFrom: String?, reportedTo: String?) async throws -> [CaseRollupKey: Int] {
        var cells: [CaseRollupKey: Int] = [:]
        var after: (day: String, id: Int64)?
        let columns = Self.factColumns.map { SQLColumn($0) }
        let page = 10_000
        while true {
            let query = db.select().columns(columns).from("cases")
            if let reportedFrom, let reportedTo {
                query.where("reported_day", .greaterThanOrEqual, reportedFrom)
                    .where("reported_day", .lessThanOrEqual, reportedTo)
                if let after {
                    query.where(SQLGroupExpression([SQLIdentifier("reported_day"), SQLIdentifier("id")]), .greaterThan,
                                SQLGroupExpression([SQLBind(after.day), SQLBind(after.id)]))
                }
                query.orderBy("reported_day").orderBy("id")
            } else {
                query.where("id", .greaterThan, after?.id ?? 0).orderBy("id")
            }
            let rows = try await query.limit(page).all()
            var grouped: [CaseRollupFacts: Int] = [:]
            for row in rows {
                let facts = try Self.facts(row)
                grouped[facts, default: 0] += 1
                after = (facts.reportedDay, try row.decode(column: "id", as: Int64.self))
            }
            for (facts, n) in grouped {
                for key in CaseRollupKeys.keys(facts) { cells[key, default: 0] += n }
            }
            if rows.count < page { return cells }
        }
    }

    /// Every stored counter (tests compare the kept counters with a rebuild).
    public func all() async throws -> [CaseRollupKey: Int] {
        var result: [CaseRollupKey: Int] = [:]
        for row in try await db.select().column("*").from("case_rollups").all() {
            let n = try row.decode(column: "count", as: Int.self)
            guard n != 0 else { continue }
            result[try Self.key(row)] = n
        }
        return result
    }

    /// The counters of `periods` × `scopes` (× `measures`, nil: every measure), zeros left out.
    public func counts(periods: [String], scopes: [String], measures: [String]? = nil) async throws -> [CaseRollupKey: Int] {
        guard !periods.isEmpty, !scopes.isEmpty else { return [:] }
        var result: [CaseRollupKey: Int] = [:]
        for chunk in CaseRepository.chunks(of: scopes, size: 500) {
            let query = db.select().column("*").from("case_rollups").where("period", .in, periods)
                .where("scope", .in, Array(chunk))
            if let measures { query.where("measure", .in, measures) }
            let rows = try await query.all()
            for row in rows {
                let n = try row.decode(column: "count", as: Int.self)
                if n != 0 { result[try Self.key(row)] = n }
            }
        }
        return result
    }

    /// The counters of `measures` in `scopes` summed over every month: the cases of all time (one row
    /// per month and scope).
    public func allTime(scopes: [String], measures: [String]) async throws -> [String: [String: Int]] {
        guard !scopes.isEmpty, !measures.isEmpty else { return [:] }
        var result: [String: [String: Int]] = [:]
        for chunk in CaseRepository.chunks(of: scopes, size: 500) {
            let rows = try await db.select().column("scope").column("measure")
                .column(SQLRaw(#"CAST(SUM("count") AS BIGINT)"#), as: "n").from("case_rollups")
                .where("scope", .in, Array(chunk)).where("measure", .in, measures)
                .where(SQLFunction("length", args: SQLIdentifier("period")), .equal, SQLBind(7))
                .groupBy("scope").groupBy("measure").all()
            for row in rows {
                let scope = try row.decode(column: "scope", as: String.self)
                result[scope, default: [:]][try row.decode(column: "measure", as: String.self)] =
                    try row.decode(column: "n", as: Int?.self) ?? 0
            }
        }
        return result
    }

    static func key(_ row: any SQLRow) throws -> CaseRollupKey {
        CaseRollupKey(period: try row.decode(column: "period", as: String.self),
                      scope: try row.decode(column: "scope", as: String.self),
                      measure: try row.decode(column: "measure", as: String.self))
    }

    /// The facts of a case row; `area` names the column holding the area code, and without `places` the grid and
    /// the lead department are left out (rows grouped by area only).
    static func facts(_ row: any SQLRow, area: String = "area_code", places: Bool = true) throws -> CaseRollupFacts {
        CaseRollupFacts(
            reportedDay: try row.decode(column: "reported_day", as: String.self),
            areaCode: try row.decode(column: area, as: String.self),
            gridCode: places ? try row.decode(column: "grid_code", as: String?.self) : nil,
            leadDepartmentId: places ? try row.decode(column: "lead_department_id", as: Int64?.self) : nil,
            state: try row.decode(column: "state", as: String.self),
            channel: try row.decode(column: "channel", as: String.self),
            kind: try row.decode(column: "kind", as: String.self),
            satisfaction: try row.decode(column: "satisfaction", as: String?.self),
            resolvedTier: try row.decode(column: "resolved_tier", as: String?.self),
            clockStatus: try row.decode(column: "clock_status", as: String.self),
            clockLate: try row.decode(column: "clock_late", as: Int.self) != 0,
            supervision: try row.decode(column: "supervision", as: String.self))
    }
}
