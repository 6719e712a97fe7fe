import Foundation
import SQLKit

/// The job queue shared by every instance. A job is claimed under a lease: on PostgreSQL with
/// `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same row; on SQLite the single
/// writer serialises claims. A job whose lease ran out (its worker died) is claimed again.
public struct JobRepository: Sendable {
    let db: any SQLDatabase
    let kind: DatabaseKind

    public init(_ db: any SQLDatabase, kind: DatabaseKind) {
        self.db = db
        self.kind = kind
    }

    /// Queues a job. With a `dedupeKey`, a second job with the same key is not queued; returns
    /// whether this call queued one.
    @discardableResult
    public func enqueue(kind jobKind: String, payload: String = "{}", dedupeKey: String? = nil, runAt: Date, now: Date) async throws -> Bool {
        let rows = try await db.raw("""
            INSERT INTO jobs (kind, dedupe_key, payload, state, run_at, attempts, created_at)
            VALUES (\(bind: jobKind), \(bind: dedupeKey), \(bind: payload), 'queued', \(bind: runAt.millisecondsSince1970), 0, \(bind: now.millisecondsSince1970))
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Claims up to `limit` due jobs for `worker` until `now + lease`.
    public func claim(worker: String, limit: Int, lease: TimeInterval, now: Date) async throws -> [ClaimedJob] {
        let nowMs = now.millisecondsSince1970
        let leaseUntil = now.addingTimeInterval(lease).millisecondsSince1970
        let lock = kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.raw("""
            UPDATE jobs SET state = 'running', claimed_by = \(bind: worker), lease_until = \(bind: leaseUntil), attempts = attempts + 1
            WHERE id IN (SELECT id FROM jobs
                         WHERE (state = 'queued' AND run_at <= \(bind: nowMs)) OR (state = 'running' AND lease_until < \(bind: nowMs))
                         ORDER BY run_at, id LIMIT \(bind: limit)\(unsafeRaw: lock))
            RETURNING id, kind, payload, attempts
            """).all().map { try $0.decode(model: ClaimedJob.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Marks a job done, if `worker` still holds it.
    public func complete(id: Int64, worker: String, now: Date) async throws {
        try await db.update("jobs").set("state", to: "done").set("finished_at", to: now.millisecondsSince1970)
            .set("lease_until", to: SQLLiteral.null)
            .where("id", .equal, id).where("claimed_by", .equal, worker).run()
    }

    /// Records a failure: queued again at `retryAt`, or failed for good when `retryAt` is nil.
    public func fail(id: Int64, worker: String, error: String, retryAt: Date?, now: Date) async throws {
        let update = db.update("jobs").set("last_error", to: error).set("lease_until", to: SQLLiteral.null)
        if let retryAt {
            update.set("state", to: "queued").set("run_at", to: retryAt.millisecondsSince1970)
        } else {
            update.set("state", to: "failed").set("finished_at", to: now.millisecondsSince1970)
        }
        try await update.where("id", .equal, id).where("claimed_by", .equal, worker).run()
    }

    /// Job counts per state, for `/metrics` and tests.
    public func countsByState() async throws -> [String: Int] {
        try await db.countRows(in: "jobs", groupedBy: "state")
    }

    /// Removes jobs that finished successfully before `finishedBefore` (failed ones stay for inspection).
    public func deleteDone(finishedBefore: Date) async throws {
        try await db.delete(from: "jobs").where("state", .equal, "done")
            .where("finished_at", .lessThan, finishedBefore.millisecondsSince1970).run()
    }
}
