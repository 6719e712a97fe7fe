/// Turns raw rows from the CSV or XLSX readers into a ``SheetTable``, enforcing ``SheetLimits``.
///
/// The first non-empty row becomes the header (trailing empty header cells dropped). Later all-empty rows are
/// skipped; shorter rows are padded with ""; rows with non-empty cells beyond the header become
/// ``SheetError/rowTooLong(row:cells:columns:)`` entries in `rowErrors`. Trailing empty cells never count.
struct SheetTableBuilder {
    private let limits: SheetLimits
    private var header: [String]?
    private var headerRowNumber = 1
    private var rows: [SheetRow] = []
    private var rowErrors: [SheetError] = []

    init(limits: SheetLimits) {
        self.limits = limits
    }

    /// Adds one row as read from the file; `cells` may be any length.
    mutating func add(rowNumber: Int, cells: [String]) throws(SheetError) {
        var cells = cells
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        guard !cells.isEmpty else { return }
        guard cells.count <= limits.maxColumns else { throw .tooLarge(.columns(limits.maxColumns)) }
        guard let header else {
            header = cells
            headerRowNumber = rowNumber
            return
        }
        guard rows.count + rowErrors.count < limits.maxRows else { throw .tooLarge(.rows(limits.maxRows)) }
        if cells.count > header.count {
            rowErrors.append(.rowTooLong(row: rowNumber, cells: cells.count, columns: header.count))
            return
        }
        guard (rows.count + 1) * header.count <= limits.maxCells else { throw .tooLarge(.cells(limits.maxCells)) }
        if cells.count < header.count {
            cells.append(contentsOf: repeatElement("", count: header.count - cells.count))
        }
        rows.append(SheetRow(number: rowNumber, cells: cells))
    }

    /// The finished table; ``SheetError/empty`` when no row had any value.
    func build() throws(SheetError) -> SheetTable {
        guard let header else { throw .empty }
        return SheetTable(header: header, headerRowNumber: headerRowNumber, rows: rows, rowErrors: rowErrors)
    }
}
