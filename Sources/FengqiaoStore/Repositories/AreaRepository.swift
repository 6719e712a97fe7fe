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

    /// Every area under `parent` (active or retired), for numbering new children.
    public func allChildren(of parent: String) async throws -> [AreaRecord] {
        try await db.select().column("*").from("areas").where("parent_code", .equal, parent).orderBy("code").all()
            .map { try $0.decode(model: AreaRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func rename(code: String, name: String, aliases: String) async throws {
        try await db.update("areas").set("name", to: name).set("aliases", to: aliases).where("code", .equal, code).run()
    }

    public func setBoundary(
        code: String, geoJSON: String, box: (minLat: Double, minLon: Double, maxLat: Double, maxLon: Double),
        squareMetres: Double
    ) async throws {
        try await db.update("areas").set("boundary", to: geoJSON)
            .set("min_lat", to: box.minLat).set("min_lon", to: box.minLon)
            .set("max_lat", to: box.maxLat).set("max_lon", to: box.maxLon).set("area_m2", to: squareMetres)
            .where("code", .equal, code).run()
    }

    public func retire(code: String, on day: String) async throws {
        try await db.update("areas").set("status", to: "retired").set("retired_on", to: day).where("code", .equal, code)
            .run()
    }

    public func recordChange(_ change: AreaChangeRecord) async throws {
        try await db.insert(into: "area_changes")
            .model(change, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default).run()
    }

    /// The changes that name `code`, as the area itself or on the other side, oldest first.
    public func changes(involving code: String) async throws -> [AreaChangeRecord] {
        try await db.select().column("*").from("area_changes")
            .where("area_code", .equal, code).orWhere("related_codes", .like, "%" + code + "%")
            .orderBy("id").all()
            .map { try $0.decode(model: AreaChangeRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
