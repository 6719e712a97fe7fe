import Foundation
import SQLKit

/// Server-side sessions.
public struct SessionRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ session: SessionRecord) async throws {
        try await db.insert(into: "sessions").model(session, keyEncodingStrategy: .convertToSnakeCase).run()
    }

    public func find(tokenHash: String) async throws -> SessionRecord? {
        try await db.select().column("*").from("sessions").where("token_hash", .equal, tokenHash).first()?
            .decode(model: SessionRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func touch(tokenHash: String, at: Int64) async throws {
        try await db.update("sessions").set("last_seen_at", to: at).where("token_hash", .equal, tokenHash).run()
    }

    public func delete(tokenHash: String) async throws {
        try await db.delete(from: "sessions").where("token_hash", .equal, tokenHash).run()
    }

    /// Ends every session of an account (disabled, password reset, role changed).
    public func deleteAll(accountId: Int64) async throws {
        try await db.delete(from: "sessions").where("account_id", .equal, accountId).run()
    }

    /// Removes sessions that ended before `before` (absolute end) or were idle since `idleSince`.
    public func deleteExpired(before: Int64, idleSince: Int64) async throws {
        try await db.delete(from: "sessions")
            .where("expires_at", .lessThan, before).orWhere("last_seen_at", .lessThan, idleSince).run()
    }
}

extension SessionRepository {
    /// Completes a half-open session: it becomes `active` under a new token hash and CSRF token (the
    /// token that only passed the password step stops working). False when the session is gone.
    public func activate(
        tokenHash: String, newTokenHash: String, csrfToken: String, expiresAt: Int64, at: Int64
    ) async throws -> Bool {
        try await db.update("sessions")
            .set("token_hash", to: newTokenHash).set("csrf_token", to: csrfToken).set("stage", to: "active")
            .set("expires_at", to: expiresAt).set("last_seen_at", to: at)
            .where("token_hash", .equal, tokenHash).where("stage", .notEqual, "active")
            .returning("account_id").first() != nil
    }
}
