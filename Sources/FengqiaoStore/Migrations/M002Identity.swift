import SQLKit

/// Identity and audit: account status and lockout, server-side sessions, and the hash-chained audit log.
enum M002Identity {
    static let migration = Migration(version: 2, name: "identity") { db, _ in
        // One column per statement: SQLite adds columns one at a time.
        try await db.alter(table: "accounts").column("status", type: .text, .notNull, .default("active")).run()
        try await db.alter(table: "accounts").column("failed_logins", type: .int, .notNull, .default(0)).run()
        try await db.alter(table: "accounts").column("locked_until", type: .bigint).run()
        try await db.alter(table: "accounts").column("last_login_at", type: .bigint).run()
        try await db.alter(table: "accounts").column("password_changed_at", type: .bigint).run()

        // The cookie carries a random token; only its SHA-256 is stored, so a database leak opens no session.
        try await db.create(table: "sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("account_id", type: .bigint, .notNull)
            .column("csrf_token", type: .text, .notNull)
            .column("ip", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("last_seen_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "sessions_account").on("sessions").column("account_id").run()

        // Append-only. `id` is assigned by the writer under a lock, so ids have no gaps and the chain
        // (hash over the previous hash and this record) can tell a removed or reordered record.
        try await db.create(table: "audit_log")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .column("actor_id", type: .bigint)
            .column("actor", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("ip", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("object_type", type: .text, .notNull)
            .column("object_id", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await db.create(index: "audit_log_at").on("audit_log").column("at").run()
        try await db.create(index: "audit_log_actor").on("audit_log").column("actor_id").column("id").run()
    }
}
