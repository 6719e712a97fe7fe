import Foundation
import SQLKit

/// The case category tree (`case_categories`). Codes are unique; nothing is ever deleted.
public struct CaseCategoryRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Every node, kinds and categories, in no particular order.
    public func all() async throws -> [CaseCategoryRecord] {
        try await db.select().column("*").from("case_categories").orderBy("id").all()
            .map { try $0.decode(model: CaseCategoryRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func find(code: String) async throws -> CaseCategoryRecord? {
        try await db.select().column("*").from("case_categories").where("code", .equal, code).first()?
            .decode(model: CaseCategoryRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The node with `id`; with `locking`, locked until the transaction ends (PostgreSQL).
    public func find(id: Int64, locking: Bool = false) async throws -> CaseCategoryRecord? {
        let query = db.select().column("*").from("case_categories").where("id", .equal, id)
        if locking { query.for(.update) }
        return try await query.first()?
            .decode(model: CaseCategoryRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The node `code`, locked until the transaction ends (PostgreSQL; SQLite has one writer anyway),
    /// so that two servers checking a kind's names one after the other see each other's changes.
    public func findLocked(code: String) async throws -> CaseCategoryRecord? {
        try await db.select().column("*").from("case_categories").where("code", .equal, code).for(.update).first()?
            .decode(model: CaseCategoryRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The children of `parentID`, by position then id.
    public func children(of parentID: Int64) async throws -> [CaseCategoryRecord] {
        try await db.select().column("*").from("case_categories").where("parent_id", .equal, parentID)
            .orderBy("position").orderBy("id").all()
            .map { try $0.decode(model: CaseCategoryRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Inserts the node unless one with its code exists (two servers seeding at once both succeed).
    public func insertIfAbsent(_ record: CaseCategoryRecord) async throws {
        try await db.raw("""
            INSERT INTO case_categories (parent_id, code, name, active, position)
            VALUES (\(bind: record.parentId), \(bind: record.code), \(bind: record.name), \(bind: record.active),
            \(bind: record.position)) ON CONFLICT (code) DO NOTHING
            """).run()
    }

    /// Inserts the node and returns its id.
    public func insert(_ record: CaseCategoryRecord) async throws -> Int64 {
        guard let row = try await db.insert(into: "case_categories")
            .model(record, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned("case_categories") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func setCode(id: Int64, to code: String) async throws {
        try await db.update("case_categories").set("code", to: code).where("id", .equal, id).run()
    }

    public func setName(id: Int64, to name: String) async throws {
        try await db.update("case_categories").set("name", to: name).where("id", .equal, id).run()
    }

    public func setActive(id: Int64, to active: Bool) async throws {
        try await db.update("case_categories").set("active", to: active ? 1 : 0).where("id", .equal, id).run()
    }

    public func setPosition(id: Int64, to position: Int) async throws {
        try await db.update("case_categories").set("position", to: position).where("id", .equal, id).run()
    }
}
