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

    /// How many rows of `table` have a `codeColumn` inside the area subtree `prefix`, grouped by the
    /// first `groupLength` characters of that code (the children's codes, when `groupLength` is the
    /// children's prefix length). A range test, so the index on `codeColumn` serves it.
    public func countRows(
        in table: String, codeColumn: String, prefix: String, groupLength: Int
    ) async throws -> [String: Int] {
        let key = SQLFunction(
            "substr", args: SQLIdentifier(codeColumn), SQLLiteral.numeric("1"), SQLLiteral.numeric(String(groupLength)))
        let rows = try await select().column(key, as: "k").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(table)
            .where(SQLIdentifier(codeColumn), .greaterThanOrEqual, SQLBind(prefix))
            .where(SQLIdentifier(codeColumn), .lessThan, SQLBind(prefix + ":"))
            .groupBy(key).all()
        var result: [String: Int] = [:]
        for row in rows { result[try row.decode(column: "k", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return result
    }
}
