import Foundation
import SQLKit

/// Places (`places`, searchable) and things (`things`): the same shape, two tables.
public struct SiteRepository: Sendable {
    public enum Table: String, Sendable {
        case places, things
    }

    let db: any SQLDatabase
    let kind: DatabaseKind
    let table: Table

    public init(_ db: any SQLDatabase, kind: DatabaseKind, table: Table) {
        self.db = db
        self.kind = kind
        self.table = table
    }

    public func insert(_ site: SiteRecord) async throws -> Int64 {
        var site = site
        if table == .places { site.note = nil }
        guard let row = try await db.insert(into: table.rawValue)
            .model(site, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned(table.rawValue) }
        let id = try row.decode(column: "id", as: Int64.self)
        if table == .places {
            try await BaseDataSearch.added("places", id: id, name: site.name, address: site.address, on: db, kind: kind)
        }
        return id
    }

    public func find(ids: [Int64]) async throws -> [SiteRecord] {
        guard !ids.isEmpty else { return [] }
        return try await db.select().column("*").from(table.rawValue).where("id", .in, ids).orderBy("id").all()
            .map { try $0.decode(model: SiteRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The rows inside the area subtree `prefix`, by grid, at most `limit`.
    public func all(prefix: String, limit: Int) async throws -> [SiteRecord] {
        try await db.select().column("*").from(table.rawValue)
            .where("grid_code", .greaterThanOrEqual, prefix).where("grid_code", .lessThan, prefix + ":")
            .orderBy("grid_code").orderBy("id").limit(limit).all()
            .map { try $0.decode(model: SiteRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
