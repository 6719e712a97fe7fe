import Foundation
import SQLKit

/// Multi-row `INSERT … VALUES` statements with the values written as SQL literals, for the demo's
/// bulk load. Going through SQLKit binds costs several dynamic casts, boxes and copies per value
/// and was most of the load's time; literals cost one string append. Only generated values are
/// written here (never user input): text is quoted with doubled single quotes, and text holding a
/// backslash or NUL, which could read differently on a server without standard-conforming strings,
/// is refused rather than written. The SQL is the same for SQLite and PostgreSQL.
struct DemoSQLBuffer: Sendable {
    /// The buffer was fed a row of the wrong width, a non-finite number or refused text.
    struct Malformed: Error, CustomStringConvertible {
        let table: String
        let reason: String
        var description: String { "demo rows for \(table): \(reason)" }
    }

    let table: String
    let columnCount: Int
    let rowsPerStatement: Int
    private let head: String
    private(set) var statements: [String] = []
    private var current = ""
    private var rowsInCurrent = 0
    private var valuesInRow = 0
    private(set) var rowCount = 0
    private var problem: String?

    init(table: String, columns: [String], rowsPerStatement: Int = 500) {
        self.table = table
        self.columnCount = columns.count
        self.rowsPerStatement = max(1, rowsPerStatement)
        self.head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
    }

    mutating func beginRow() {
        if rowsInCurrent == 0 {
            current.reserveCapacity(rowsPerStatement * columnCount * 16)
            current += head
        } else {
            current += ","
        }
        current += "("
        valuesInRow = 0
    }

    mutating func endRow() {
        if valuesInRow != columnCount, problem == nil { problem = "a row has \(valuesInRow) of \(columnCount) values" }
        current += ")"
        rowsInCurrent += 1
        rowCount += 1
        if rowsInCurrent == rowsPerStatement { flush() }
    }

    mutating func add(_ value: Int64) {
        separate()
        current += String(value)
    }

    mutating func add(_ value: Int) { add(Int64(value)) }

    mutating func add(_ value: Double) {
        separate()
        if let refused = Self.append(value, to: &current) { problem = problem ?? refused }
    }

    mutating func add(_ value: String) {
        separate()
        if let refused = Self.append(value, to: &current) { problem = problem ?? refused }
    }

    mutating func add(_ value: String?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: Int64?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: Double?) { if let value { add(value) } else { addNull() } }

    mutating func addNull() {
        separate()
        current += "NULL"
    }

    /// The values of `row`, written earlier, as the next values of the current row.
    mutating func add(_ row: DemoSQLRow) {
        guard row.count > 0 else { return }
        separate()
        current += row.text
        valuesInRow += row.count - 1
        if let refused = row.problem { problem = problem ?? refused }
    }

    /// Appends `value` as a SQL literal; the problem when it is not finite (written as NULL).
    static func append(_ value: Double, to text: inout String) -> String? {
        guard value.isFinite else {
            text += "NULL"
            return "a number is not finite"
        }
        text += String(value)
        return nil
    }

    /// Appends `value` as a quoted SQL literal; the problem when it holds a backslash or NUL.
    static func append(_ value: String, to text: inout String) -> String? {
        var quotes = false
        var refused = false
        var copy = value
        copy.withUTF8 { bytes in
            for byte in bytes where byte == 39 || byte == 92 || byte == 0 {
                if byte == 39 { quotes = true } else { refused = true }
            }
        }
        text += "'"
        text += quotes ? value.replacingOccurrences(of: "'", with: "''") : value
        text += "'"
        return refused ? "text holds a backslash or NUL" : nil
    }

    /// The finished statements; throws if any row was malformed.
    mutating func finish() throws -> [String] {
        flush()
        if let problem { throw Malformed(table: table, reason: problem) }
        return statements
    }

    private mutating func separate() {
        if valuesInRow > 0 { current += "," }
        valuesInRow += 1
    }

    private mutating func flush() {
        guard rowsInCurrent > 0 else { return }
        statements.append(current)
        current = ""
        rowsInCurrent = 0
    }
}

extension SQLDatabase {
    /// Runs the statements a `DemoSQLBuffer` produced, in order.
    func run(demoStatements statements: [String]) async throws {
        for statement in statements {
            try await raw(SQLQueryString(statement)).run()
        }
    }
}
