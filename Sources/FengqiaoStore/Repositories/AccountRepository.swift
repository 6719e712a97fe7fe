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

    /// Active accounts whose area is one of `areaCodes` (e.g. an area and its ancestors), by name.
    public func active(inAreas areaCodes: [String]) async throws -> [AccountRecord] {
        guard !areaCodes.isEmpty else { return [] }
        return try await db.select().column("*").from("accounts").where("area_code", .in, areaCodes)
            .where("status", .equal, "active").orderBy("display_name").orderBy("id").all()
            .map { try $0.decode(model: AccountRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func count() async throws -> Int { try await db.countRows(in: "accounts") }

    /// One page of accounts in username order after `after` (the last username of the previous page),
    /// narrowed to areas in [`areaPrefix`, `areaPrefix:`) when given, to a role and a status, and to
    /// usernames (any case) or display names starting with `namePrefix`. Keyset paging on the unique username.
    public func page(
        areaPrefix: String?, role: String?, status: String?, namePrefix: String?, after: String?, limit: Int
    ) async throws -> [AccountRecord] {
        var query = db.select().column("*").from("accounts")
        if let areaPrefix {
            query = query.where("area_code", .greaterThanOrEqual, areaPrefix)
                .where("area_code", .lessThan, areaPrefix + ":")
        }
        if let role { query = query.where("role", .equal, role) }
        if let status { query = query.where("status", .equal, status) }
        if let namePrefix {
            // `!` escapes LIKE's wildcards, which usernames may contain (`_`).
            let escaped = namePrefix.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%")
                .replacingOccurrences(of: "_", with: "!_")
            query = query.where(SQLQueryString("""
                (LOWER(username) LIKE \(bind: escaped.lowercased() + "%") ESCAPE '!' \
                OR display_name LIKE \(bind: escaped + "%") ESCAPE '!')
                """))
        }
        if let after { query = query.where("username", .greaterThan, after) }
        return try await query.orderBy("username").limit(limit).all()
            .map { try $0.decode(model: AccountRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
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
