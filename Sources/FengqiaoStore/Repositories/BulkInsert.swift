import SQLKit

extension SQLDatabase {
    /// Inserts many rows with multi-row `INSERT … VALUES`, in chunks that stay under both engines'
    /// bound-parameter limits. Call inside `Database.write` so the whole batch is one transaction.
    public func insertRows(into table: String, columns: [String], rows: [[any Encodable & Sendable]]) async throws {
        _ = try await insertRows(into: table, columns: columns, rows: rows, returning: [])
    }

    /// As `insertRows(into:columns:rows:)`, answering the `returning` columns of every inserted row (in no
    /// promised order: SQLite does not promise the order of `RETURNING`). No rows are answered when
    /// `returning` is empty.
    public func insertRows(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], returning: [String]
    ) async throws -> [any SQLRow] {
        guard !columns.isEmpty else { return [] }
        // SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535.
        let rowsPerStatement = max(1, 30_000 / columns.count)
        var answered: [any SQLRow] = []
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            let insert = self.insert(into: table).columns(columns)
            for row in rows[start..<end] {
                insert.values(row.map { SQLBind($0) })
            }
            if returning.isEmpty {
                try await insert.run()
            } else {
                answered += try await insert.returning(returning.map { SQLColumn($0) }).all()
            }
            start = end
        }
        return answered
    }
}
