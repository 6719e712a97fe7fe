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
}
