import Foundation
import SQLKit

/// The append-only audit log. Appends are serialised (SQLite has one writer; PostgreSQL takes a
/// transaction-scoped advisory lock) so each record can chain to the one before it.
public struct AuditRepository: Sendable {
    let db: any SQLDatabase
    let kind: DatabaseKind

    /// The advisory lock that serialises audit appends on PostgreSQL.
    static let appendLockKey: Int64 = 0x6671_6175_6469  // "fqaudi"

    public init(_ db: any SQLDatabase, kind: DatabaseKind) {
        self.db = db
        self.kind = kind
    }

    /// What the auditor's page filters by; nil means "any". `action` matches the code itself or,
    /// given a family such as `export`, every code under it (`export.people`, `export.places`…).
    public struct Criteria: Sendable, Equatable {
        public var actor: String?
        public var action: String?
        public var objectType: String?
        public var objectId: String?
        /// Inclusive lower and exclusive upper bound on `at` (milliseconds since 1970).
        public var fromAt: Int64?
        public var untilAt: Int64?

        public init(
            actor: String? = nil, action: String? = nil, objectType: String? = nil, objectId: String? = nil,
            fromAt: Int64? = nil, untilAt: Int64? = nil
        ) {
            self.actor = actor
            self.action = action
            self.objectType = objectType
            self.objectId = objectId
            self.fromAt = fromAt
            self.untilAt = untilAt
        }
    }

    /// The last record's id and hash, after taking the append lock; call inside the writing transaction.
    public func lockedTail() async throws -> (id: Int64, hash: String)? {
        if kind == .postgres {
            try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.appendLockKey))").run()
        }
        return try await tail()
    }

    /// The last record's id and hash as committed now (no lock: for checkpoints and reports).
    public func tail() async throws -> (id: Int64, hash: String)? {
        guard let row = try await db.select().column("id").column("hash").from("audit_log")
            .orderBy("id", .descending).limit(1).first()
        else { return nil }
        return (try row.decode(column: "id", as: Int64.self), try row.decode(column: "hash", as: String.self))
    }

    public func insert(_ record: AuditRecord) async throws {
        try await db.insert(into: "audit_log").model(record, keyEncodingStrategy: .convertToSnakeCase).run()
    }

    /// Records in id order from `afterID` on, at most `limit`.
    public func records(afterID: Int64, limit: Int) async throws -> [AuditRecord] {
        try await db.select().column("*").from("audit_log").where("id", .greaterThan, afterID)
            .orderBy("id").limit(limit).all()
            .map { try $0.decode(model: AuditRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The newest records, optionally only one action, newest first.
    public func latest(action: String? = nil, limit: Int) async throws -> [AuditRecord] {
        let query = db.select().column("*").from("audit_log")
        if let action { query.where("action", .equal, action) }
        return try await query.orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: AuditRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Records matching `criteria`, newest first, with ids below `beforeID` (keyset paging).
    public func search(_ criteria: Criteria, beforeID: Int64?, limit: Int) async throws -> [AuditRecord] {
        let query = db.select().column("*").from("audit_log")
        if let beforeID { query.where("id", .lessThan, beforeID) }
        if let actor = criteria.actor { query.where("actor", .equal, actor) }
        if let action = criteria.action {
            // `x.` up to `x/` (the character after `.`) is every code under the family `x`.
            query.where { group in
                group.where("action", .equal, action).orWhere { family in
                    family.where("action", .greaterThanOrEqual, action + ".").where("action", .lessThan, action + "/")
                }
            }
        }
        if let objectType = criteria.objectType { query.where("object_type", .equal, objectType) }
        if let objectId = criteria.objectId { query.where("object_id", .equal, objectId) }
        if let fromAt = criteria.fromAt { query.where("at", .greaterThanOrEqual, fromAt) }
        if let untilAt = criteria.untilAt { query.where("at", .lessThan, untilAt) }
        return try await query.orderBy("id", .descending).limit(limit).all()
            .map { try $0.decode(model: AuditRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The first record after `afterID` whose `previous_hash` is `hash`: where the record that should
    /// follow a given one went, when the chain is broken.
    public func firstID(previousHash hash: String, afterID: Int64) async throws -> Int64? {
        try await db.select().column("id").from("audit_log").where("previous_hash", .equal, hash)
            .where("id", .greaterThan, afterID).orderBy("id").limit(1).first()?.decode(column: "id", as: Int64.self)
    }

    /// The newest record such that it and every record before it are older than `at`: the end of
    /// the prefix a retention purge may delete.
    public func lastOfPrefix(olderThan at: Int64) async throws -> (id: Int64, hash: String)? {
        let firstKept = try await db.select().column("id").from("audit_log").where("at", .greaterThanOrEqual, at)
            .orderBy("id").limit(1).first()?.decode(column: "id", as: Int64.self)
        let query = db.select().column("id").column("hash").from("audit_log")
        if let firstKept { query.where("id", .lessThan, firstKept) }
        guard let row = try await query.orderBy("id", .descending).limit(1).first() else { return nil }
        return (try row.decode(column: "id", as: Int64.self), try row.decode(column: "hash", as: String.self))
    }

    /// How many records have an id up to `id`.
    public func count(throughID id: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
            .where("id", .lessThanOrEqual, id).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Deletes every record with an id up to `id` (retention; the caller anchors the chain first).
    public func delete(throughID id: Int64) async throws {
        try await db.delete(from: "audit_log").where("id", .lessThanOrEqual, id).run()
    }
}
