import Foundation
import SQLKit

/// `notices`: the portal's public notices.
public struct NoticeRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts `notice`; returns its id.
    public func insert(_ notice: NoticeRecord) async throws -> Int64 {
        let row = try await db.insert(into: "notices")
            .model(notice, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noRowReturned("notices") }
        return id
    }

    public func find(id: Int64) async throws -> NoticeRecord? {
        try await db.select().column("*").from("notices").where("id", .equal, id).first()
            .map { try $0.decode(model: NoticeRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func update(_ notice: NoticeRecord) async throws {
        guard let id = notice.id else { return }
        try await db.update("notices")
            .set("area_code", to: notice.areaCode).set("title", to: notice.title).set("body", to: notice.body)
            .set("state", to: notice.state).set("publish_day", to: notice.publishDay)
            .set("expiry_day", to: notice.expiryDay).set("updated_at", to: notice.updatedAt)
            .where("id", .equal, id).run()
    }

    /// Notices of areas inside the subtree `prefix`, newest first (at most `limit`).
    public func list(prefix: String, limit: Int) async throws -> [NoticeRecord] {
        try await db.select().column("*").from("notices")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, prefix + ":")
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: NoticeRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Published notices of the areas `codes` shown on `day` (published by then, not expired), newest first.
    public func shown(areaCodes codes: [String], on day: String, limit: Int) async throws -> [NoticeRecord] {
        guard !codes.isEmpty else { return [] }
        return try await db.select().column("*").from("notices")
            .where("state", .equal, "published").where("area_code", .in, codes)
            .where("publish_day", .lessThanOrEqual, day)
            .where { $0.where(SQLColumn("expiry_day"), .is, SQLLiteral.null).orWhere("expiry_day", .greaterThanOrEqual, day) }
            .orderBy("publish_day", .descending).orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: NoticeRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
