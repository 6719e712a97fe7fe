/// A sheet read from CSV or XLSX: a header row and data rows, every cell as text.
///
/// Completely empty rows are left out, but every kept row carries the row number the user sees in Excel, so
/// an import report can say "第 7 行" or "C7". Rows with values to the right of the last header column are
/// not in ``rows``: each is reported in ``rowErrors`` as ``SheetError/rowTooLong(row:cells:columns:)`` so an
/// importer can list them alongside its own row-level problems (or call ``requireWellFormedRows()``).
public struct SheetTable: Sendable, Hashable {
    /// Header cells; trailing empty header cells are dropped, empty ones in the middle kept as "".
    public var header: [String]
    /// Row number of the header (the first non-empty row; 1 unless the sheet starts lower).
    public var headerRowNumber: Int
    /// Data rows, each with exactly `header.count` cells.
    public var rows: [SheetRow]
    /// Row-level problems found while reading, in row order.
    public var rowErrors: [SheetError]

    /// Creates a table from parts.
    public init(header: [String], headerRowNumber: Int = 1, rows: [SheetRow], rowErrors: [SheetError] = []) {
        self.header = header
        self.headerRowNumber = headerRowNumber
        self.rows = rows
        self.rowErrors = rowErrors
    }

    /// Creates a table whose data rows are numbered from `headerRowNumber + 1` on, as a writer would lay
    /// them out. Rows are kept as given (not padded).
    public init(header: [String], rows: [[String]], headerRowNumber: Int = 1) {
        self.init(
            header: header,
            headerRowNumber: headerRowNumber,
            rows: rows.enumerated().map { SheetRow(number: headerRowNumber + 1 + $0.offset, cells: $0.element) }
        )
    }

    /// Number of columns, i.e. header cells.
    public var columnCount: Int { header.count }

    /// The 0-based index of the first header cell equal to `name`, ignoring surrounding whitespace
    /// (including full-width spaces), or nil.
    public func columnIndex(named name: String) -> Int? {
        let wanted = name.trimmingSheetWhitespace()
        return header.firstIndex { $0.trimmingSheetWhitespace() == wanted }
    }

    /// Throws the first of ``rowErrors``, for importers that reject a file with any malformed row.
    public func requireWellFormedRows() throws(SheetError) {
        if let first = rowErrors.first { throw first }
    }
}

extension String {
    /// Trims spaces, tabs, newlines and the ideographic space U+3000 that Chinese input methods produce.
    func trimmingSheetWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isSheetWhitespace }),
            let end = scalars.lastIndex(where: { !$0.isSheetWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}

extension Unicode.Scalar {
    fileprivate var isSheetWhitespace: Bool {
        properties.isWhitespace || value == 0xFEFF
    }
}
