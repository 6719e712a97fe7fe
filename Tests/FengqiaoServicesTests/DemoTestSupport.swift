import FengqiaoStore
import Foundation
import SQLKit
import XCTest

/// Reading demo tables back in tests: whole tables as text lines, and typed column values.
enum DemoRows {
    /// Every row of `table` (ordered by `orderBy`) as one line of text, leaving out `excluding` columns.
    static func dump(
        _ database: any Database, _ table: String, orderBy: String, excluding: Set<String> = []
    ) async throws -> [String] {
        try await database.read { db in
            try await db.select().column("*").from(table).orderBy(SQLRaw(orderBy)).all().map { row in
                try row.allColumns.filter { !excluding.contains($0) }.map { try text(row, $0) }.joined(separator: "|")
            }
        }
    }

    /// A column's value as text, whatever its type; `∅` for NULL.
    static func text(_ row: any SQLRow, _ column: String) throws -> String {
        if try row.decodeNil(column: column) { return "∅" }
        if let value = try? row.decode(column: column, as: Int64.self) { return String(value) }
        if let value = try? row.decode(column: column, as: Double.self) { return String(value) }
        return try row.decode(column: column, as: String.self)
    }

    /// The rows of a query, each as a dictionary of column → text.
    static func query(_ database: any Database, _ sql: String) async throws -> [[String: String]] {
        try await database.read { db in
            try await db.raw(SQLQueryString(sql)).all().map { row in
                var values: [String: String] = [:]
                for column in row.allColumns { values[column] = try text(row, column) }
                return values
            }
        }
    }

    /// One integer from a query such as `SELECT COUNT(*) AS n FROM …`.
    static func count(_ database: any Database, _ sql: String) async throws -> Int {
        let rows = try await query(database, sql)
        return Int(rows.first?["n"] ?? "") ?? -1
    }
}
