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

    /// The last record's id and hash, after taking the append lock; call inside the writing transaction.
    public func lockedTail() async throws -> (id: Int64, hash: String)? {
        if kind == .postgres {
            try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.appendLockKey))").run()
        }
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
}
