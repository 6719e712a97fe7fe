import Foundation
import Logging
import SQLKit
import SQLiteKit

/// The embedded database: one SQLite file in WAL mode, one writer connection and several readers.
public final class SQLiteStorage: Database {
    public let kind = DatabaseKind.sqlite
    public let path: String
    private let writer: ConnectionLender<SQLiteConnection>
    private let readers: ConnectionLender<SQLiteConnection>

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.path = path
        self.writer = ConnectionLender([writer])
        self.readers = ConnectionLender(readers)
    }

    /// Opens (creating if needed) the file at `path` with `readerCount` reader connections.
    /// The parent directory must exist.
    public static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteStorage {
        var logger = logger
        logger[metadataKey: "db"] = "sqlite"
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            try await configure(writer, pragmas: [
                "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000",
                "PRAGMA foreign_keys=ON",
            ])
            var readers: [SQLiteConnection] = []
            for _ in 0..<max(1, readerCount) {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                readers.append(reader)
                try await configure(reader, pragmas: ["PRAGMA busy_timeout=5000", "PRAGMA query_only=1"])
            }
            return SQLiteStorage(path: path, writer: writer, readers: readers)
        } catch {
            try? await writer.close()
            throw error
        }
    }

    private static func configure(_ connection: SQLiteConnection, pragmas: [String]) async throws {
        let db = connection.sql()
        for pragma in pragmas {
            try await db.raw(SQLQueryString(pragma)).run()
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.lend { try await body($0.sql()) }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // IMMEDIATE takes the write lock at once, so a transaction never fails half-way on a busy lock.
        try await writer.lend { try await $0.sql().inTransaction(begin: "BEGIN IMMEDIATE", body) }
    }

    public func ping() async throws {
        try await read { try await $0.ping() }
    }

    public func poolUsage() async -> PoolUsage {
        PoolUsage(inUse: await writer.inUse + readers.inUse, capacity: await writer.capacity + readers.capacity)
    }

    public func close() async {
        // In a task of its own: closing must finish even when the caller's task is being cancelled
        // (a service group cancels its services when one of them fails).
        let (readers, writer) = (self.readers, self.writer)
        await Task {
            for connection in await readers.drain() + writer.drain() {
                try? await connection.close()
            }
        }.value
    }
}
