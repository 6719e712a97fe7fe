import Foundation

/// What an import did, or would have done: counts, and every problem with the row and column of the
/// file it is in (as Excel numbers them: row 1 is the header, columns A, B, …).
public struct ImportReport: Sendable, Encodable {
    public struct Problem: Sendable, Equatable, Codable {
        /// Excel row number; nil for a problem with the whole file (e.g. a missing column).
        public let row: Int?
        /// Column letter, when the problem is about one cell.
        public let column: String?
        public let field: String
        public let code: String
        public let message: String
    }

    public let rows: Int
    public let created: Int
    public let updated: Int
    public let unchanged: Int
    public let problems: [Problem]
    /// Whether anything was written: false when the file was refused (all or nothing).
    public let applied: Bool
}

/// What an applied import did to the rows of its file.
struct ImportCounts: Sendable {
    var created = 0
    var updated = 0
    var unchanged = 0

    /// The audit record of an import of `list` from `filename`, with these counts.
    func auditEntry(_ caller: Caller, list: String, filename: String) -> AuditEntry {
        AuditEntry(caller, action: "import.\(list)", objectType: "file", objectID: String(filename.prefix(100)),
                   summary: #"{"created":\#(created),"updated":\#(updated),"unchanged":\#(unchanged)}"#)
    }
}

extension ImportReport {
    /// A file refused for `problems`: nothing was written.
    static func refused(rows: Int, problems: [Problem]) -> ImportReport {
        ImportReport(rows: rows, created: 0, updated: 0, unchanged: 0, problems: problems, applied: false)
    }

    /// A file applied with `counts` (and, in valid-rows-only mode, the rows left out for `problems`).
    static func applied(rows: Int, counts: ImportCounts, problems: [Problem]) -> ImportReport {
        ImportReport(rows: rows, created: counts.created, updated: counts.updated, unchanged: counts.unchanged,
                     problems: problems, applied: true)
    }
}
