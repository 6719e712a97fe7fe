import Foundation
import SQLKit

/// The area tree.
public struct AreaRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ areas: [AreaRecord]) async throws {
        try await db.insertRows(into: "areas", columns: AreaRecord.columns, rows: areas.map(\.values))
    }

    public func find(code: String) async throws -> AreaRecord? {
        try await db.select().column("*").from("areas").where("code", .equal, code).first()?
            .decode(model: AreaRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The root of the tree (the 市/盟), if any areas exist.
    public func root() async throws -> AreaRecord? {
        try await db.select().column("*").from("areas").where(SQLIdentifier("parent_code"), .is, SQLLiteral.null)
            .orderBy("code").limit(1).first()?
            .decode(model: AreaRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// How many areas exist at each level.
    public func countsByLevel() async throws -> [String: Int] {
        try await db.countRows(in: "areas", groupedBy: "level")
    }

    public func children(of code: String) async throws -> [AreaRecord] {
        try await db.select().column("*").from("areas").where("parent_code", .equal, code).orderBy("code").all()
            .map { try $0.decode(model: AreaRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Every active area, for the in-memory map.
    public func allActive() async throws -> [AreaRecord] {
        try await db.select().column("*").from("areas").where("status", .equal, "active").all()
            .map { try $0.decode(model: AreaRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
