import SQLKit

extension SQLDatabase {
    /// Inserts many rows with multi-row `INSERT … VALUES`, in chunks that stay under both engines'
    /// bound-parameter limits. Call inside `Database.write` so the whole batch is one transaction.
    public func insertRows(into table: String, columns: [String], rows: [[any Encodable & Sendable]]) async throws {
        guard !columns.isEmpty else { return }
        let rowsPerStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            let insert = self.insert(into: table).columns(columns)
            for row in rows[start..<end] {
                insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
            start = end
        }
    }
}
