/// One sheet to write: a name, a header row (bold, frozen) and data rows, all as text.
public struct XLSXSheet: Sendable, Hashable {
    /// The tab name; ``XLSXWriter`` makes it valid (see its documentation) so any string is accepted.
    public var name: String
    /// Header cells, written in bold in row 1.
    public var header: [String]
    /// Data rows from row 2 on; rows may have any length.
    public var rows: [[String]]

    /// Creates a sheet.
    public init(name: String, header: [String], rows: [[String]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// Creates a sheet from a table's header and rows.
    public init(name: String, table: SheetTable) {
        self.init(name: name, header: table.header, rows: table.rows.map(\.cells))
    }
}
