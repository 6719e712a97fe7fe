import Foundation
import SQLKit

/// API tokens for machines.
public struct ApiTokenRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts the token and returns its id.
    public func insert(_ token: ApiTokenRecord) async throws -> Int64 {
        guard let row = try await db.insert(into: "api_tokens")
            .model(token, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .default)
            .returning("id").first()
        else { throw StoreError.noRowReturned("api_tokens") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func find(tokenHash: String) async throws -> ApiTokenRecord? {
        try await db.select().column("*").from("api_tokens").where("token_hash", .equal, tokenHash).first()?
            .decode(model: ApiTokenRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func find(id: Int64) async throws -> ApiTokenRecord? {
        try await db.select().column("*").from("api_tokens").where("id", .equal, id).first()?
            .decode(model: ApiTokenRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The live (not revoked) token called `name`, if any.
    public func findLive(name: String) async throws -> ApiTokenRecord? {
        try await db.select().column("*").from("api_tokens")
            .where("name", .equal, name).where("revoked_at", .is, SQLLiteral.null).first()?
            .decode(model: ApiTokenRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Tokens whose area lies in [`prefix`, `upperBound`) (a jurisdiction's range), newest first.
    public func list(areaFrom prefix: String, below upperBound: String, limit: Int = 500) async throws -> [ApiTokenRecord] {
        try await db.select().column("*").from("api_tokens")
            .where("area_code", .greaterThanOrEqual, prefix).where("area_code", .lessThan, upperBound)
            .orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: ApiTokenRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    public func revoke(id: Int64, at: Int64) async throws {
        try await db.update("api_tokens").set("revoked_at", to: at).where("id", .equal, id).run()
    }

    public func touch(id: Int64, at: Int64) async throws {
        try await db.update("api_tokens").set("last_used_at", to: at).where("id", .equal, id).run()
    }
}
