import Foundation
import SQLKit

/// Organisations, with their search index.
public struct OrganizationRepository: Sendable {
    let db: any SQLDatabase
    let kind: DatabaseKind

    public init(_ db: any SQLDatabase, kind: DatabaseKind) {
        self.db = db
        self.kind = kind
    }

    /// Inserts; a credit code already registered is `StoreError.duplicate("creditCode")`.
    public func insert(_ organization: OrganizationRecord) async throws -> Int64 {
        guard try await find(creditCode: organization.creditCode) == nil else { throw StoreError.duplicate("creditCode") }
        guard let row = try await db.insert(into: "organizations")
            .model(organization, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned("organizations") }
        let id = try row.decode(column: "id", as: Int64.self)
        try await BaseDataSearch.added("organizations", id: id, name: organization.name, address: organization.address,
                                       on: db, kind: kind)
        return id
    }

    public func find(id: Int64) async throws -> OrganizationRecord? {
        try await db.select().column("*").from("organizations").where("id", .equal, id).first()?
            .decode(model: OrganizationRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(creditCode: String) async throws -> OrganizationRecord? {
        try await db.select().column("*").from("organizations").where("credit_code", .equal, creditCode).first()?
            .decode(model: OrganizationRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(ids: [Int64]) async throws -> [OrganizationRecord] {
        guard !ids.isEmpty else { return [] }
        return try await db.select().column("*").from("organizations").where("id", .in, ids).orderBy("id").all()
            .map { try $0.decode(model: OrganizationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Replaces name, kind, grid and address of organisation `organization.id`.
    public func update(_ organization: OrganizationRecord) async throws {
        guard let id = organization.id, let old = try await find(id: id) else { throw StoreError.noRowReturned("organizations") }
        try await db.update("organizations")
            .set("name", to: organization.name).set("kind", to: organization.kind)
            .set("grid_code", to: organization.gridCode).set("address", to: organization.address)
            .where("id", .equal, id).run()
        try await BaseDataSearch.changed("organizations", id: id, old: (old.name, old.address),
                                         new: (organization.name, organization.address), on: db, kind: kind)
    }

    /// The organisations inside the area subtree `prefix`, by grid, at most `limit`.
    public func all(prefix: String, limit: Int) async throws -> [OrganizationRecord] {
        try await db.select().column("*").from("organizations")
            .where("grid_code", .greaterThanOrEqual, prefix).where("grid_code", .lessThan, prefix + ":")
            .orderBy("grid_code").orderBy("id").limit(limit).all()
            .map { try $0.decode(model: OrganizationRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }
}
