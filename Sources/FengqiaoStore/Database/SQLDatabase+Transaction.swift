import SQLKit

extension SQLDatabase {
    /// Runs `body` between `begin` and `COMMIT` on this connection, rolling back when it throws.
    func inTransaction<T: Sendable>(
        begin: SQLQueryString = "BEGIN", _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await raw(begin).run()
        do {
            let result = try await body(self)
            try await raw("COMMIT").run()
            return result
        } catch {
            try? await raw("ROLLBACK").run()
            throw error
        }
    }

    /// Throws unless the database answers a trivial query.
    func ping() async throws {
        _ = try await raw("SELECT 1 AS one").first()
    }
}
