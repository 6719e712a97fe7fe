import Foundation
import SQLKit

/// `case_clocks` and the clock columns of `cases` (`due_at`, `clock_status`).
public struct CaseClockRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The clocks of case `caseId` in the order they were opened.
    public func clocks(caseId: Int64) async throws -> [CaseClockRecord] {
        try await db.select().column("*").from("case_clocks").where("case_id", .equal, caseId).orderBy("id").all()
            .map { try $0.decode(model: CaseClockRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func insert(_ clock: CaseClockRecord) async throws {
        try await db.insert(into: "case_clocks")
            .columns("case_id", "kind", "department_id", "started_at", "stopped_at", "limit_unit", "limit_value",
                     "due_at", "check_at", "paused_since", "paused_ms", "status")
            .values(SQLBind(clock.caseId), SQLBind(clock.kind), SQLBind(clock.departmentId), SQLBind(clock.startedAt),
                    SQLBind(clock.stoppedAt), SQLBind(clock.limitUnit), SQLBind(clock.limitValue), SQLBind(clock.dueAt),
                    SQLBind(clock.checkAt), SQLBind(clock.pausedSince), SQLBind(clock.pausedMs), SQLBind(clock.status))
            .run()
    }

    /// Deletes the clocks of case `caseId` from row `firstId` on (rows written by an earlier plan that no
    /// longer lines up with the case's clocks).
    public func delete(caseId: Int64, fromId firstId: Int64) async throws {
        try await db.delete(from: "case_clocks").where("case_id", .equal, caseId).where("id", .greaterThanOrEqual, firstId)
            .run()
    }

    /// Writes `clock` over row `id` if the row still has status `expectedStatus`; false when another
    /// writer (another scan instance) changed it first.
    public func update(id: Int64, expectedStatus: String, to clock: CaseClockRecord) async throws -> Bool {
        let rows = try await db.update("case_clocks")
            .set("stopped_at", to: clock.stoppedAt)
            .set("limit_unit", to: clock.limitUnit)
            .set("limit_value", to: clock.limitValue)
            .set("due_at", to: clock.dueAt)
            .set("check_at", to: clock.checkAt)
            .set("paused_since", to: clock.pausedSince)
            .set("paused_ms", to: clock.pausedMs)
            .set("status", to: clock.status)
            .where("id", .equal, id)
            .where("status", .equal, expectedStatus)
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    /// Cases with a running clock past its 80% point or a yellow clock past its deadline, not paused:
    /// what the clock scan must look at (uses the `(status, check_at)` index).
    public func casesNeedingScan(now: Int64, limit: Int) async throws -> [Int64] {
        var ids: [Int64] = []
        for status in ["running", "warning"] {
            let rows = try await db.select().column("case_id").from("case_clocks")
                .where("status", .equal, status).where("check_at", .lessThanOrEqual, now)
                .where("paused_since", .is, SQLLiteral.null)
                .orderBy("check_at").limit(limit).all()
            for row in rows {
                let id = try row.decode(column: "case_id", as: Int64.self)
                if !ids.contains(id) { ids.append(id) }
            }
        }
        return ids
    }

    /// Cases with an open clock of `kind` that is already red, in one of `states` and not at one of
    /// `excludingTiers` (the clock scan's second look: tier deadlines that could not escalate when they
    /// turned red).
    public func casesWithOverdueClock(kind: String, states: [String], excludingTiers: [String], limit: Int) async throws
        -> [Int64]
    {
        guard !states.isEmpty else { return [] }
        var sql: SQLQueryString = """
            SELECT DISTINCT k.case_id FROM case_clocks k JOIN cases c ON c.id = k.case_id
            WHERE k.status = 'overdue' AND k.kind = \(bind: kind) AND k.stopped_at IS NULL AND c.state IN (\(binds: states))
            """
        if !excludingTiers.isEmpty { sql += " AND c.tier NOT IN (\(binds: excludingTiers))" }
        sql += " ORDER BY k.case_id LIMIT \(bind: limit)"
        return try await db.raw(sql).all().map { try $0.decode(column: "case_id", as: Int64.self) }
    }

    /// Sets the case's `due_at` (earliest open deadline) and `clock_status` (worst open status, `none`), and
    /// `clock_late` (a clock row `missed` or `overdue`); the dashboard's rollups move with the row.
    public func setCaseClock(caseId: Int64, dueAt: Int64?, status: String) async throws {
        try await CaseRollupRepository(db).tracking(ids: [caseId]) {
            try await db.raw(
                """
                UPDATE cases SET due_at = \(bind: dueAt), clock_status = \(bind: status), clock_late = CASE WHEN EXISTS
                    (SELECT 1 FROM case_clocks k WHERE k.case_id = \(bind: caseId) AND k.status IN ('missed', 'overdue'))
                    THEN 1 ELSE 0 END
                WHERE id = \(bind: caseId)
                """
            ).run()
        }
    }
}
