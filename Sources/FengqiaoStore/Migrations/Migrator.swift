import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order and records each in `schema_migrations`, all in one
/// transaction, so a failure leaves the schema as it was. On PostgreSQL an advisory lock is taken first,
/// so instances starting together apply each migration once.
public struct Migrator: Sendable {
    public let database: any Database
    public let migrations: [Migration]
    public let logger: Logger

    /// The transaction-scoped advisory lock that migrating instances take on PostgreSQL.
    static let advisoryLockKey: Int64 = 0x6671_6d69_6772  // "fqmigr"

    public init(database: any Database, migrations: [Migration] = Migrations.all, logger: Logger) {
        self.database = database
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies what is pending; returns the versions applied now.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Int] {
        let migrations = self.migrations
        let kind = database.kind
        let applied = try await database.write { db -> [Int] in
            if kind == .postgres {
                // Serialises instances that start together, before the table may even exist.
                try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
            }
            try await db.create(table: "schema_migrations")
                .ifNotExists()
                .column("version", type: .int, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .bigint, .notNull)
                .run()
            let done = Set(try await db.select().column("version").from("schema_migrations").all(decodingColumn: "version", as: Int.self))
            var appliedNow: [Int] = []
            for migration in migrations.sorted(by: { $0.version < $1.version }) where !done.contains(migration.version) {
                try await migration.apply(db, kind)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(now.millisecondsSince1970))
                    .run()
                appliedNow.append(migration.version)
            }
            return appliedNow
        }
        for version in applied {
            logger.info("applied migration", metadata: ["version": "\(version)"])
        }
        return applied
    }

    /// Versions recorded as applied.
    public func appliedVersions() async throws -> [Int] {
        try await database.read { db in
            return try await db.select().column("version").from("schema_migrations").orderBy("version")
                .all(decodingColumn: "version", as: Int.self)
        }
    }
}

extension Date {
    /// UTC milliseconds since 1970, the storage format of every `*_at` column.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(millisecondsSince1970 ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }
}
