import SQLKit

/// Webhook subscriptions: machines that receive case events, signed with their own secret (sealed with the
/// data key), filtered by event type and limited to an area. The events reach them through the notification
/// outbox (channel `subscription`, recipient `subscription:ID`), so retries and leases are the outbox's;
/// `webhook_attempts` logs every attempt with the receiver's HTTP status. The fan-out job's position in
/// `case_events` is the setting `webhooks.cursor`.
enum M024Webhooks {
    static let migration = Migration(version: 24, name: "webhooks") { db, _ in
        try await db.create(table: "webhook_subscriptions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("url", type: .text, .notNull)
            .column("secret_cipher", type: .text, .notNull)
            // Event types (space-separated) the subscriber wants; empty: every type.
            .column("events", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("disabled_at", type: .bigint)
            .run()
        try await db.create(index: "webhook_subscriptions_area").on("webhook_subscriptions").column("area_code").run()
        try await db.create(table: "webhook_attempts")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("subscription_id", type: .bigint, .notNull)
            .column("outbox_id", type: .bigint, .notNull)
            // The receiver's HTTP status; NULL when it could not be reached.
            .column("status_code", type: .bigint)
            .column("error", type: .text)
            .column("at", type: .bigint, .notNull)
            .column("duration_ms", type: .bigint, .notNull)
            .run()
        try await db.create(index: "webhook_attempts_subscription").on("webhook_attempts")
            .column("subscription_id").column("id").run()
        try await db.create(index: "notification_outbox_recipient").on("notification_outbox")
            .column("recipient").column("id").run()
    }
}
