import FengqiaoStore
import Foundation
import Logging
import PostgresNIO

/// Fresh, migrated databases for tests: always a temporary SQLite file, and a throwaway PostgreSQL
/// database as well when `FENGQIAO_TEST_POSTGRES_URL` is set (the test command sets it).
public enum TestDatabases {
    public static let logger: Logger = {
        var logger = Logger(label: "fengqiao.test")
        logger.logLevel = .warning
        return logger
    }()

    /// The PostgreSQL server to test against, if any.
    public static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["FENGQIAO_TEST_POSTGRES_URL"]
        return (url?.isEmpty ?? true) ? nil : url
    }

    /// Runs `body` once per available engine, each time on a new migrated database that is removed after.
    public static func each(migrate: Bool = true, _ body: (any Database) async throws -> Void) async throws {
        try await withSQLite(migrate: migrate, body)
        if postgresURL != nil {
            try await withPostgres(migrate: migrate, body)
        }
    }

    public static func withSQLite<T>(migrate: Bool = true, _ body: (SQLiteStorage) async throws -> T) async throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fq-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try await SQLiteStorage.open(path: dir.appendingPathComponent("test.sqlite").path, logger: logger)
        do {
            if migrate { try await Migrator(database: db, logger: logger).migrate() }
            let result = try await body(db)
            await db.close()
            return result
        } catch {
            await db.close()
            throw error
        }
    }

    /// Creates a database named `fq_test_<random>` on the test server, runs `body`, drops it.
    public static func withPostgres<T>(migrate: Bool = true, _ body: (PostgresStorage) async throws -> T) async throws -> T {
        let (admin, name) = try await newPostgresDatabase()
        var settings = admin
        settings.database = name
        do {
            let db = try await PostgresStorage.connect(settings, maxConnections: 4, logger: logger)
            do {
                if migrate { try await Migrator(database: db, logger: logger).migrate() }
                let result = try await body(db)
                await db.close()
                try await adminExecute(admin, "DROP DATABASE \(name) WITH (FORCE)")
                return result
            } catch {
                await db.close()
                throw error
            }
        } catch {
            try? await adminExecute(admin, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// The settings for a new empty database on the test server (for tests that start processes).
    public static func createPostgresDatabase() async throws -> (url: String, drop: @Sendable () async -> Void) {
        let (admin, name) = try await newPostgresDatabase()
        let auth = admin.password.map { "\(admin.username):\($0)" } ?? admin.username
        return ("postgres://\(auth)@\(admin.host):\(admin.port)/\(name)", {
            try? await adminExecute(admin, "DROP DATABASE \(name) WITH (FORCE)")
        })
    }

    /// Creates `fq_test_<random>` on the test server; returns the server's settings and the name.
    private static func newPostgresDatabase() async throws -> (admin: DatabaseLocation.PostgresSettings, name: String) {
        guard let url = postgresURL, case .postgres(let admin) = try DatabaseLocation(url: url) else {
            throw TestDatabaseError.noPostgres
        }
        let name = "fq_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await adminExecute(admin, "CREATE DATABASE \(name)")
        return (admin, String(name))
    }

    private static func adminExecute(_ settings: DatabaseLocation.PostgresSettings, _ sql: String) async throws {
        let config = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

public enum TestDatabaseError: Error {
    case noPostgres
}
