import Foundation
import Logging
import NIOSSL
import PostgresKit
import SQLKit

/// PostgreSQL through PostgresNIO's connection pool, for several instances side by side.
public final class PostgresStorage: Database {
    public let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let usage: ConnectionCounter

    private init(client: PostgresClient, capacity: Int) {
        self.client = client
        self.runTask = Task { await client.run() }
        self.usage = ConnectionCounter(capacity: capacity)
    }

    /// Connects once to check the address and credentials (so a wrong setting fails now, with its
    /// reason), then starts the pool.
    public static func connect(
        _ settings: DatabaseLocation.PostgresSettings, maxConnections: Int = 10, logger: Logger
    ) async throws -> PostgresStorage {
        let tls: PostgresConnection.Configuration.TLS
        let clientTLS: PostgresClient.Configuration.TLS
        if settings.requireTLS {
            let config = TLSConfiguration.makeClientConfiguration()
            tls = .require(try NIOSSLContext(configuration: config))
            clientTLS = .require(config)
        } else {
            tls = .disable
            clientTLS = .disable
        }
        var probeConfig = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.username,
            password: settings.password, database: settings.database, tls: tls
        )
        probeConfig.options.connectTimeout = .seconds(10)
        let probe = try await PostgresConnection.connect(configuration: probeConfig, id: 0, logger: logger)
        try await probe.close()

        var config = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username,
            password: settings.password, database: settings.database, tls: clientTLS
        )
        config.options.maximumConnections = maxConnections
        config.options.connectTimeout = .seconds(10)
        return PostgresStorage(client: PostgresClient(configuration: config, backgroundLogger: logger), capacity: maxConnections)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await usage.counting {
            try await client.withConnection { try await body($0.sql()) }
        }
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await usage.counting {
            try await client.withConnection { try await $0.sql().inTransaction(body) }
        }
    }

    public func ping() async throws {
        try await read { try await $0.ping() }
    }

    public func poolUsage() async -> PoolUsage { await usage.usage }

    public func close() async {
        runTask.cancel()
        await runTask.value
    }
}

/// Counts connections in use, for the pool gauge.
actor ConnectionCounter {
    private var inUse = 0
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    var usage: PoolUsage { PoolUsage(inUse: inUse, capacity: capacity) }

    private func change(_ delta: Int) { inUse += delta }

    nonisolated func counting<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await change(1)
        do {
            let result = try await body()
            await change(-1)
            return result
        } catch {
            await change(-1)
            throw error
        }
    }
}
