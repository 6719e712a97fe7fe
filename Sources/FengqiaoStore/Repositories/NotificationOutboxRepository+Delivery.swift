import Foundation
import SQLKit

/// Delivering `notification_outbox` rows: claims under a lease (on PostgreSQL with `FOR UPDATE SKIP
/// LOCKED`, so concurrent instances never take the same row; on SQLite the single writer serialises
/// claims), and the outcome of each attempt. Every outcome is written only while the claim token still
/// holds the row, so a worker whose lease ran out cannot overwrite what the next one did.
extension NotificationOutboxRepository {
    /// Claims up to `limit` pending rows due at `now` for `token` until `now + lease`, counting an attempt.
    public func claim(token: String, limit: Int, lease: TimeInterval, now: Date, kind: DatabaseKind) async throws
        -> [NotificationRecord]
    {
        let nowMs = now.millisecondsSince1970
        let leaseUntil = now.addingTimeInterval(lease).millisecondsSince1970
        let lock = kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let claimed = try await db.raw("""
            UPDATE notification_outbox SET claimed_by = \(bind: token), claimed_until = \(bind: leaseUntil),
              attempts = attempts + 1
            WHERE id IN (SELECT id FROM notification_outbox
                         WHERE state = 'pending' AND next_attempt_at <= \(bind: nowMs)
                           AND (claimed_until IS NULL OR claimed_until < \(bind: nowMs))
                         ORDER BY next_attempt_at, id LIMIT \(bind: limit)\(unsafeRaw: lock))
            RETURNING *
            """).all().map { try $0.decode(model: NotificationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
        return claimed.sorted { $0.id < $1.id }
    }

    /// Records the area the row concerns.
    public func setArea(id: Int64, token: String, areaCode: String) async throws {
        try await db.update("notification_outbox").set("area_code", to: areaCode)
            .where("id", .equal, id).where("claimed_by", .equal, token).run()
    }

    /// Marks the row sent; false when `token` no longer holds it.
    @discardableResult
    public func markSent(id: Int64, token: String, at: Int64) async throws -> Bool {
        try await finish(id: id, token: token) { update in
            update.set("state", to: "sent").set("sent_at", to: at)
        }
    }

    /// Records a failed attempt and when to try again.
    @discardableResult
    public func reschedule(id: Int64, token: String, error: String, at nextAttemptAt: Int64) async throws -> Bool {
        try await finish(id: id, token: token) { update in
            update.set("last_error", to: error).set("next_attempt_at", to: nextAttemptAt)
        }
    }

    /// Ends the row `failed` or `skipped` with `error`.
    @discardableResult
    public func giveUp(id: Int64, token: String, state: String, error: String, at: Int64) async throws -> Bool {
        try await finish(id: id, token: token) { update in
            update.set("state", to: state).set("last_error", to: error).set("finished_at", to: at)
        }
    }

    private func finish(id: Int64, token: String, _ change: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Bool {
        let update = change(db.update("notification_outbox"))
            .set("claimed_by", to: SQLLiteral.null).set("claimed_until", to: SQLLiteral.null)
            .where("id", .equal, id).where("claimed_by", .equal, token)
        let rows = try await update.returning("id").all()
        return !rows.isEmpty
    }

    /// The recipients (`account:12`) who already got row `id`.
    public func deliveredTo(outboxId: Int64) async throws -> Set<String> {
        Set(try await db.select().column("recipient_key").from("notification_deliveries").where("outbox_id", .equal, outboxId)
            .all(decodingColumn: "recipient_key", as: String.self))
    }

    /// Records that `recipientKey` got row `outboxId` (again is a no-op).
    public func recordDelivery(outboxId: Int64, recipientKey: String, at: Int64) async throws {
        try await db.raw("""
            INSERT INTO notification_deliveries (outbox_id, recipient_key, delivered_at)
            VALUES (\(bind: outboxId), \(bind: recipientKey), \(bind: at))
            ON CONFLICT (outbox_id, recipient_key) DO NOTHING
            """).run()
    }

    /// One row by id.
    public func find(id: Int64) async throws -> NotificationRecord? {
        try await db.select().column("*").from("notification_outbox").where("id", .equal, id).first()?
            .decode(model: NotificationRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Rows in `states` whose area (their own, else their case's) lies in `[areaFrom, areaBelow)`, newest
    /// first, below id `before` when given.
    public func page(
        states: [String], areaFrom: String, areaBelow: String, before: Int64?, limit: Int
    ) async throws -> [NotificationRecord] {
        let area = SQLFunction("COALESCE", args: SQLColumn("area_code", table: "notification_outbox"),
                               SQLColumn("area_code", table: "cases"))
        let query = db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("notification_outbox")))
            .from("notification_outbox")
            .join("cases", method: SQLJoinMethod.left, on: SQLColumn("id", table: "cases"), .equal,
                  SQLColumn("case_id", table: "notification_outbox"))
            .where(SQLColumn("state", table: "notification_outbox"), .in, SQLGroupExpression(states.map { SQLBind($0) }))
            .where(area, .greaterThanOrEqual, SQLBind(areaFrom))
            .where(area, .lessThan, SQLBind(areaBelow))
        if let before { query.where(SQLColumn("id", table: "notification_outbox"), .lessThan, SQLBind(before)) }
        return try await query.orderBy(SQLColumn("id", table: "notification_outbox"), SQLDirection.descending).limit(limit).all()
            .map { try $0.decode(model: NotificationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The area of row `id` (its own, else its case's).
    public func area(of record: NotificationRecord) async throws -> String? {
        if let area = record.areaCode { return area }
        guard let caseId = record.caseId else { return nil }
        return try await db.select().column("area_code").from("cases").where("id", .equal, caseId).first()?
            .decode(column: "area_code", as: String.self)
    }

    /// Queues row `id` again at once with a fresh count of attempts (an administrator's retry): a failed
    /// or skipped row, or a pending one waiting for its next attempt. A row an instance is sending right
    /// now is left alone; returns false then.
    public func requeue(id: Int64, at: Int64) async throws -> Bool {
        try await db.raw("""
            UPDATE notification_outbox SET state = 'pending', attempts = 0, next_attempt_at = \(bind: at),
              finished_at = NULL, claimed_by = NULL, claimed_until = NULL
            WHERE id = \(bind: id) AND (state IN ('failed', 'skipped')
                  OR (state = 'pending' AND (claimed_until IS NULL OR claimed_until < \(bind: at))))
            RETURNING id
            """).all().isEmpty == false
    }

    /// Row counts per state, for `/metrics` and the administrators' view.
    public func countsByState() async throws -> [String: Int] {
        try await db.countRows(in: "notification_outbox", groupedBy: "state")
    }
}
