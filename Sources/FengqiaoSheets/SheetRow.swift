/// One data row as importers see it: its Excel row number and its cells as text.
public struct SheetRow: Sendable, Hashable {
    /// 1-based row number as Excel shows it (the header is usually row 1, so data starts at 2).
    public var number: Int
    /// Cell texts, exactly as many as the table's header has columns (short rows are padded with "").
    public var cells: [String]

    /// Creates a row.
    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at a 0-based column index, or "" when the index is outside the row. Never traps.
    public subscript(column: Int) -> String {
        cells.indices.contains(column) ? cells[column] : ""
    }

    /// A cell reference such as "C7" for a 0-based column index of this row, for messages.
    public func reference(column: Int) -> String {
        SheetColumn.reference(row: number, columnIndex: column)
    }

    /// True when every cell is empty.
    public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}
