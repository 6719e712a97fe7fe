import Foundation
import SQLKit

/// `inbox_messages`: the in-app inbox of each account.
public struct InboxRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Adds a message; one from outbox row `outboxId` that the account already has is not added again.
    public func insert(_ message: InboxMessageRecord) async throws {
        try await db.raw("""
            INSERT INTO inbox_messages (account_id, outbox_id, case_id, kind, title, body, created_at)
            VALUES (\(bind: message.accountId), \(bind: message.outboxId), \(bind: message.caseId), \(bind: message.kind),
                    \(bind: message.title), \(bind: message.body), \(bind: message.createdAt))
            ON CONFLICT (outbox_id, account_id) DO NOTHING
            """).run()
    }

    /// The account's messages, newest first, below id `before` when given (keyset paging); unread only
    /// when `unreadOnly`.
    public func page(accountId: Int64, before: Int64?, unreadOnly: Bool, limit: Int) async throws -> [InboxMessageRecord] {
        let query = db.select().column("*").from("inbox_messages").where("account_id", .equal, accountId)
        if let before { query.where("id", .lessThan, before) }
        if unreadOnly { query.where("read_at", .is, SQLLiteral.null) }
        return try await query.orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: InboxMessageRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func unreadCount(accountId: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("inbox_messages")
            .where("account_id", .equal, accountId).where("read_at", .is, SQLLiteral.null)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Marks the account's message `id` read (again changes nothing); false when the account has no such message.
    public func markRead(id: Int64, accountId: Int64, at: Int64) async throws -> Bool {
        guard try await db.select().column("id").from("inbox_messages").where("id", .equal, id)
            .where("account_id", .equal, accountId).first() != nil
        else { return false }
        try await db.update("inbox_messages").set("read_at", to: at).where("id", .equal, id)
            .where("account_id", .equal, accountId).where("read_at", .is, SQLLiteral.null).run()
        return true
    }

    /// Marks every unread message of the account read; returns how many.
    @discardableResult
    public func markAllRead(accountId: Int64, at: Int64) async throws -> Int {
        try await db.update("inbox_messages").set("read_at", to: at).where("account_id", .equal, accountId)
            .where("read_at", .is, SQLLiteral.null).returning("id").all().count
    }

    /// The messages outbox row `outboxId` left, for tests and the administrators' view.
    public func messages(outboxId: Int64) async throws -> [InboxMessageRecord] {
        try await db.select().column("*").from("inbox_messages").where("outbox_id", .equal, outboxId).orderBy("id").all()
            .map { try $0.decode(model: InboxMessageRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
