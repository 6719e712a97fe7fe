import SQLKit

/// Two-factor sign-in, machine tokens and the audit log's reading paths.
enum M004AccessHardening {
    static let migration = Migration(version: 4, name: "access_hardening") { db, _ in
        // TOTP (RFC 6238): the shared secret is sealed with the data key; the last accepted time step
        // is kept so a code cannot be used twice.
        try await db.alter(table: "accounts").column("totp_secret_cipher", type: .text).run()
        try await db.alter(table: "accounts").column("totp_enabled_at", type: .bigint).run()
        try await db.alter(table: "accounts").column("totp_last_step", type: .bigint).run()

        // A session is `active`, or half-open after the password: `totp` (a code is due) or
        // `enrol` (the role requires two-factor sign-in and the account has none yet).
        try await db.alter(table: "sessions").column("stage", type: .text, .notNull, .default("active")).run()

        // Tokens for machines (Open311 clients, hotline imports, camera alerts, webhooks). Only the
        // SHA-256 of a token is stored; `prefix` is its first characters, to tell tokens apart in lists.
        try await db.create(table: "api_tokens")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("prefix", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull, .unique)
            .column("scope", type: .text, .notNull)
            .column("area_code", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("last_used_at", type: .bigint)
            .column("revoked_at", type: .bigint)
            .run()

        // The auditor filters by action, by object and by time.
        try await db.create(index: "audit_log_action").on("audit_log").column("action").column("id").run()
        try await db.create(index: "audit_log_object").on("audit_log").column("object_type").column("object_id").run()
    }
}
