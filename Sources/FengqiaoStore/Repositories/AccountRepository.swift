import Foundation
import SQLKit

/// Staff accounts.
public struct AccountRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts the account and returns its id; a taken username is `StoreError.duplicate`.
    public func insert(_ account: AccountRecord) async throws -> Int64 {
        guard try await find(username: account.username) == nil else { throw StoreError.duplicate("username") }
        guard let row = try await db.insert(into: "accounts")
            .model(account, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned("accounts") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func find(username: String) async throws -> AccountRecord? {
        try await db.select().column("*").from("accounts").where("username", .equal, username).first()?
            .decode(model: AccountRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(id: Int64) async throws -> AccountRecord? {
        try await db.select().column("*").from("accounts").where("id", .equal, id).first()?
            .decode(model: AccountRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Counts a failed sign-in; locks the account until `lockUntil` when the count reaches `limit`.
    public func recordFailedLogin(id: Int64, limit: Int, lockUntil: Int64) async throws {
        try await db.raw("""
            UPDATE accounts SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= \(bind: limit) THEN \(bind: lockUntil) ELSE locked_until END
            WHERE id = \(bind: id)
            """).run()
    }

    public func recordSuccessfulLogin(id: Int64, at: Int64) async throws {
        try await db.update("accounts")
            .set("failed_logins", to: 0).set("locked_until", to: SQLLiteral.null).set("last_login_at", to: at)
            .where("id", .equal, id).run()
    }

    public func setStatus(id: Int64, to status: String) async throws {
        try await db.update("accounts").set("status", to: status).where("id", .equal, id).run()
    }

    public func setPasswordHash(id: Int64, to hash: String, at: Int64) async throws {
        try await db.update("accounts")
            .set("password_hash", to: hash).set("password_changed_at", to: at)
            .set("failed_logins", to: 0).set("locked_until", to: SQLLiteral.null)
            .where("id", .equal, id).run()
    }

    public func setRole(id: Int64, to role: String, areaCode: String, departmentId: Int64?) async throws {
        try await db.update("accounts")
            .set("role", to: role).set("area_code", to: areaCode).set("department_id", to: departmentId)
            .where("id", .equal, id).run()
    }

    public func count() async throws -> Int { try await db.countRows(in: "accounts") }
}

// Two-factor sign-in (TOTP).
extension AccountRepository {
    /// Stores a secret being enrolled (sealed): two-factor sign-in stays off until `enableTOTP`.
    public func setPendingTOTP(id: Int64, secretCipher: String) async throws {
        try await db.update("accounts")
            .set("totp_secret_cipher", to: secretCipher).set("totp_enabled_at", to: SQLLiteral.null)
            .set("totp_last_step", to: SQLLiteral.null)
            .where("id", .equal, id).run()
    }

    /// Switches two-factor sign-in on with the pending secret; `step` is the confirming code's step.
    public func enableTOTP(id: Int64, at: Int64, step: Int64) async throws {
        try await db.update("accounts")
            .set("totp_enabled_at", to: at).set("totp_last_step", to: step)
            .where("id", .equal, id).where("totp_secret_cipher", .isNot, SQLLiteral.null).run()
    }

    /// Records `step` as the last accepted one unless a code of that step or a later one was accepted
    /// meanwhile (two requests with one code): true when this request won.
    public func acceptTOTPStep(id: Int64, step: Int64) async throws -> Bool {
        try await db.update("accounts").set("totp_last_step", to: step)
            .where("id", .equal, id)
            .where { $0.where("totp_last_step", .is, SQLLiteral.null).orWhere("totp_last_step", .lessThan, step) }
            .returning("id").first() != nil
    }

    /// Removes the secret: two-factor sign-in is off and must be enrolled anew.
    public func clearTOTP(id: Int64) async throws {
        try await db.update("accounts")
            .set("totp_secret_cipher", to: SQLLiteral.null).set("totp_enabled_at", to: SQLLiteral.null)
            .set("totp_last_step", to: SQLLiteral.null)
            .where("id", .equal, id).run()
    }
}
