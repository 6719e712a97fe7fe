import Foundation
import SQLKit

/// `hotline_profiles` and `hotline_type_mappings`: how hotline files are read and their types filed.
public struct HotlineSettingsRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The stored profiles: name → columns JSON.
    public func profiles() async throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try await db.select().column("name").column("columns").from("hotline_profiles").all() {
            result[try row.decode(column: "name", as: String.self)] = try row.decode(column: "columns", as: String.self)
        }
        return result
    }

    public func profile(named name: String) async throws -> String? {
        try await db.select().column("columns").from("hotline_profiles").where("name", .equal, name).first()?
            .decode(column: "columns", as: String.self)
    }

    /// Stores a profile, replacing one of the same name.
    public func saveProfile(name: String, columns: String, at: Int64) async throws {
        try await db.raw("""
            INSERT INTO hotline_profiles (name, columns, updated_at) VALUES (\(bind: name), \(bind: columns), \(bind: at))
            ON CONFLICT (name) DO UPDATE SET columns = EXCLUDED.columns, updated_at = EXCLUDED.updated_at
            """).run()
    }

    /// The 诉求类型 table: type → (kind, category).
    public func typeMappings() async throws -> [String: (kind: String, category: String)] {
        var result: [String: (kind: String, category: String)] = [:]
        for row in try await db.select().column("*").from("hotline_type_mappings").all() {
            result[try row.decode(column: "request_type", as: String.self)] =
                (try row.decode(column: "kind", as: String.self), try row.decode(column: "category", as: String.self))
        }
        return result
    }

    /// Replaces the whole table.
    public func replaceTypeMappings(_ entries: [(requestType: String, kind: String, category: String)]) async throws {
        try await db.delete(from: "hotline_type_mappings").run()
        for entry in entries {
            try await db.insert(into: "hotline_type_mappings").columns("request_type", "kind", "category")
                .values(SQLBind(entry.requestType), SQLBind(entry.kind), SQLBind(entry.category)).run()
        }
    }
}
