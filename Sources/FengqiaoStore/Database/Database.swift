import SQLKit

/// The storage the services use: reads run on any connection, writes run inside one transaction.
///
/// On SQLite all writes go through a single writer connection (readers run beside it in WAL mode);
/// on PostgreSQL both come from the connection pool.
public protocol Database: Sendable {
    var kind: DatabaseKind { get }

    /// Runs `body` on a connection for reading.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` inside a transaction: committed when it returns, rolled back when it throws.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Throws unless the database answers a trivial query.
    func ping() async throws

    /// How many connections are in use and how many exist, for `/metrics`.
    func poolUsage() async -> PoolUsage

    /// Closes every connection. Further calls fail.
    func close() async
}

/// Connection pool occupancy.
public struct PoolUsage: Sendable, Equatable {
    public var inUse: Int
    public var capacity: Int

    public init(inUse: Int, capacity: Int) {
        self.inUse = inUse
        self.capacity = capacity
    }
}
