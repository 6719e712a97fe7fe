import Foundation
import SQLKit

/// `notification_outbox`: messages waiting to be sent, at most one per `dedupe_key`.
public struct NotificationOutboxRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Queues a message unless one with `dedupeKey` exists; returns whether this call queued it.
    @discardableResult
    public func enqueue(
        dedupeKey: String, channel: String, recipient: String, caseId: Int64?, payload: String, at: Int64
    ) async throws -> Bool {
        let rows = try await db.raw("""
            INSERT INTO notification_outbox (dedupe_key, channel, recipient, case_id, payload, created_at, attempts)
            VALUES (\(bind: dedupeKey), \(bind: channel), \(bind: recipient), \(bind: caseId), \(bind: payload), \(bind: at), 0)
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// The queued messages of case `caseId`, oldest first.
    public func messages(caseId: Int64) async throws -> [NotificationRecord] {
        try await db.select().column("*").from("notification_outbox").where("case_id", .equal, caseId).orderBy("id")
            .all().map { try $0.decode(model: NotificationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
