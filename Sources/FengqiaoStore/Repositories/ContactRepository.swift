import Foundation
import SQLKit

/// Who a notification reaches: the active accounts of a department, of a grid's posts, or one account.
public struct ContactRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    private func accounts() -> SQLSelectBuilder {
        db.select()
            .column(SQLColumn("id", table: "accounts")).column(SQLColumn("username", table: "accounts"))
            .column(SQLColumn("display_name", table: "accounts")).column(SQLColumn("area_code", table: "accounts"))
            .column(SQLColumn("phone_cipher", table: "accounts")).column(SQLColumn("email_cipher", table: "accounts"))
            .from("accounts")
            .where(SQLColumn("status", table: "accounts"), .equal, SQLBind("active"))
    }

    private func decode(_ rows: [any SQLRow]) throws -> [ContactRecord] {
        try rows.map { try $0.decode(model: ContactRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The department's active staff.
    public func department(_ id: Int64) async throws -> [ContactRecord] {
        try decode(try await accounts().where(SQLColumn("department_id", table: "accounts"), .equal, SQLBind(id))
            .orderBy(SQLColumn("id", table: "accounts")).all())
    }

    /// The active holders of `posts` in grid `code`, each once.
    public func grid(_ code: String, posts: [String]) async throws -> [ContactRecord] {
        let rows = try await accounts()
            .where(SQLColumn("id", table: "accounts"), .in, SQLSubquery.select { sub in
                sub.column("account_id").from("grid_posts").where("grid_code", .equal, code).where("post", .in, posts)
            })
            .orderBy(SQLColumn("id", table: "accounts")).all()
        return try decode(rows)
    }

    /// The account, if it is active.
    public func account(_ id: Int64) async throws -> [ContactRecord] {
        try decode(try await accounts().where(SQLColumn("id", table: "accounts"), .equal, SQLBind(id)).all())
    }

    /// The area a department belongs to.
    public func departmentArea(_ id: Int64) async throws -> String? {
        try await db.select().column("area_code").from("departments").where("id", .equal, id).first()?
            .decode(column: "area_code", as: String.self)
    }

    /// The area an account answers for, active or not.
    public func accountArea(_ id: Int64) async throws -> String? {
        try await db.select().column("area_code").from("accounts").where("id", .equal, id).first()?
            .decode(column: "area_code", as: String.self)
    }

    /// Stores the (already sealed) phone number of account `id`; nil clears it.
    public func setPhone(id: Int64, cipher: String?) async throws {
        try await db.update("accounts").set("phone_cipher", to: cipher).where("id", .equal, id).run()
    }

    /// Stores the (already sealed) e-mail address of account `id`; nil clears it.
    public func setEmail(id: Int64, cipher: String?) async throws {
        try await db.update("accounts").set("email_cipher", to: cipher).where("id", .equal, id).run()
    }

    /// The sealed contact of account `id`, active or not.
    public func contact(id: Int64) async throws -> ContactRecord? {
        try await db.select().column("id").column("username").column("display_name").column("area_code")
            .column("phone_cipher").column("email_cipher").from("accounts").where("id", .equal, id).first()?
            .decode(model: ContactRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
