import SQLKit

/// Delivering the notification outbox: each row gets a state, a retry time (exponential backoff) and a
/// lease, so that any number of instances deliver every row once; per-person delivery receipts, so a
/// retry does not message again whoever already got it; the in-app inbox; and staff e-mail addresses.
enum M007NotificationDelivery {
    static let migration = Migration(version: 7, name: "notification_delivery") { db, _ in
        // pending → sent | failed (attempts used up, or undeliverable) | skipped (channel not configured).
        try await db.alter(table: "notification_outbox").column("state", type: .text, .notNull, .default("pending")).run()
        // When the row may be tried (again); 0 = at once.
        try await db.alter(table: "notification_outbox").column("next_attempt_at", type: .bigint, .notNull, .default(0)).run()
        // The lease: the claim token of the instance sending the row, and until when it holds it.
        try await db.alter(table: "notification_outbox").column("claimed_by", type: .text).run()
        try await db.alter(table: "notification_outbox").column("claimed_until", type: .bigint).run()
        // When the row ended failed or skipped.
        try await db.alter(table: "notification_outbox").column("finished_at", type: .bigint).run()
        // The area the row concerns (its case's, else its recipient's), for the administrators' view.
        try await db.alter(table: "notification_outbox").column("area_code", type: .text).run()
        try await db.update("notification_outbox").set("state", to: "sent")
            .where("sent_at", .isNot, SQLLiteral.null).run()
        try await db.create(index: "notification_outbox_due").on("notification_outbox")
            .column("state").column("next_attempt_at").run()
        try await db.create(index: "notification_outbox_state").on("notification_outbox").column("state").column("id").run()

        // Who already got a row (`account:12`), so that a retry after a partial failure reaches only the rest.
        try await db.create(table: "notification_deliveries")
            .column("outbox_id", type: .bigint, .notNull)
            .column("recipient_key", type: .text, .notNull)
            .column("delivered_at", type: .bigint, .notNull)
            .primaryKey("outbox_id", "recipient_key")
            .run()

        // The in-app inbox: one row per person and message; a phone-call task is a message of kind `task`.
        try await db.create(table: "inbox_messages")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("account_id", type: .bigint, .notNull)
            .column("outbox_id", type: .bigint)
            .column("case_id", type: .bigint)
            .column("kind", type: .text, .notNull)  // notice | task
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("read_at", type: .bigint)
            .unique("outbox_id", "account_id")
            .run()
        try await db.create(index: "inbox_messages_account").on("inbox_messages").column("account_id").column("id").run()
        try await db.create(index: "inbox_messages_unread").on("inbox_messages").column("account_id").column("read_at").run()

        // Where e-mail notifications go; sealed with the data key like the phone number.
        try await db.alter(table: "accounts").column("email_cipher", type: .text).run()
    }
}
