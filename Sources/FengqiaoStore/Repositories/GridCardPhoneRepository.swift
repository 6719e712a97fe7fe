import Foundation
import SQLKit

/// `grid_card_phones`: the public work phone of a post holder, for the grid's public card.
public struct GridCardPhoneRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The public phones of grid `gridCode`, keyed by `post|accountId`.
    public func phones(gridCode: String) async throws -> [String: String] {
        let rows = try await db.select().columns("post", "account_id", "phone").from("grid_card_phones")
            .where("grid_code", .equal, gridCode).all()
        var phones: [String: String] = [:]
        for row in rows {
            let key = Self.key(post: try row.decode(column: "post", as: String.self),
                               accountId: try row.decode(column: "account_id", as: Int64.self))
            phones[key] = try row.decode(column: "phone", as: String.self)
        }
        return phones
    }

    /// Sets (or with nil removes) the public phone of one holder.
    public func set(gridCode: String, post: String, accountId: Int64, phone: String?, at now: Int64) async throws {
        try await db.delete(from: "grid_card_phones").where("grid_code", .equal, gridCode).where("post", .equal, post)
            .where("account_id", .equal, accountId).run()
        guard let phone else { return }
        try await db.insert(into: "grid_card_phones").columns("grid_code", "post", "account_id", "phone", "updated_at")
            .values(SQLBind(gridCode), SQLBind(post), SQLBind(accountId), SQLBind(phone), SQLBind(now)).run()
    }

    public static func key(post: String, accountId: Int64) -> String { "\(post)|\(accountId)" }
}
