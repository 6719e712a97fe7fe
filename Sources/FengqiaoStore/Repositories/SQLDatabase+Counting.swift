import SQLKit

extension SQLDatabase {
    /// How many rows `table` holds, optionally only those whose `column` equals `value`.
    public func countRows(in table: String, where filter: (column: String, value: String)? = nil) async throws -> Int {
        let query = select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
        if let filter { query.where(SQLIdentifier(filter.column), .equal, SQLBind(filter.value)) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// How many rows `table` holds per distinct value of `column`.
    public func countRows(in table: String, groupedBy column: String) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        let rows = try await select().column(SQLIdentifier(column)).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(table).groupBy(SQLIdentifier(column)).all()
        for row in rows {
            result[try row.decode(column: column, as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }
}
