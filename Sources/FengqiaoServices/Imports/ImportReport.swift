import Foundation

/// What an import did, or would have done: counts, and every problem with the row and column of the
/// file it is in (as Excel numbers them: row 1 is the header, columns A, B, …).
public struct ImportReport: Sendable, Encodable {
    public struct Problem: Sendable, Equatable, Encodable {
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
