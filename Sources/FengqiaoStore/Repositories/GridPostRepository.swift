import Foundation
import SQLKit

/// Grid posts and who holds them.
public struct GridPostRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Assigns the post; assigning an existing holder again changes nothing.
    public func assign(_ record: GridPostRecord) async throws {
        try await db.raw("""
            INSERT INTO grid_posts (grid_code, post, account_id, assigned_at)
            VALUES (\(bind: record.gridCode), \(bind: record.post), \(bind: record.accountId), \(bind: record.assignedAt))
            ON CONFLICT (grid_code, post, account_id) DO NOTHING
            """).run()
    }

    /// Removes a holder; true when there was one.
    public func remove(gridCode: String, post: String, accountId: Int64) async throws -> Bool {
        let before = try await db.countRows(in: "grid_posts", where: ("grid_code", gridCode))
        try await db.delete(from: "grid_posts").where("grid_code", .equal, gridCode).where("post", .equal, post)
            .where("account_id", .equal, accountId).run()
        return try await db.countRows(in: "grid_posts", where: ("grid_code", gridCode)) < before
    }

    /// The holders of every post in the grids inside `prefix` (one grid: its full code), with names.
    public func holders(prefix: String) async throws -> [GridPostRecord] {
        try await db.select()
            .column(SQLColumn("grid_code", table: "grid_posts")).column(SQLColumn("post", table: "grid_posts"))
            .column(SQLColumn("account_id", table: "grid_posts")).column(SQLColumn("assigned_at", table: "grid_posts"))
            .column(SQLColumn("display_name", table: "accounts")).column(SQLColumn("username", table: "accounts"))
            .from("grid_posts")
            .join("accounts", on: SQLColumn("id", table: "accounts"), .equal, SQLColumn("account_id", table: "grid_posts"))
            .where(SQLColumn("grid_code", table: "grid_posts"), .greaterThanOrEqual, SQLBind(prefix))
            .where(SQLColumn("grid_code", table: "grid_posts"), .lessThan, SQLBind(prefix + ":"))
            .orderBy(SQLColumn("grid_code", table: "grid_posts")).orderBy(SQLColumn("post", table: "grid_posts"))
            .all()
            .map { try $0.decode(model: GridPostRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The grids in which `accountId` holds any post, by code.
    public func gridCodes(accountId: Int64) async throws -> [String] {
        try await db.select().distinct().column("grid_code").from("grid_posts").where("account_id", .equal, accountId)
            .orderBy("grid_code").all(decodingColumn: "grid_code", as: String.self)
    }

    /// How many grids each account holds a post in.
    public func gridCounts(accountIds: [Int64]) async throws -> [Int64: Int] {
        guard !accountIds.isEmpty else { return [:] }
        let rows = try await db.select().column("account_id")
            .column(SQLFunction("COUNT", args: SQLDistinct(SQLIdentifier("grid_code"))), as: "n")
            .from("grid_posts").where("account_id", .in, accountIds).groupBy("account_id").all()
        var result: [Int64: Int] = [:]
        for row in rows { result[try row.decode(column: "account_id", as: Int64.self)] = try row.decode(column: "n", as: Int.self) }
        return result
    }
}
