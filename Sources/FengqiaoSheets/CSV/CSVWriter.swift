import Foundation

/// Writes CSV that Excel and WPS open correctly on Chinese Windows: UTF-8 with a BOM (without it they assume
/// GBK and show mojibake), CRLF line ends, quotes only where needed, and formula injection neutralised
/// (see ``CSVFormulaGuard``).
public struct CSVWriter: Sendable {
    /// The field separator.
    public var delimiter: CSVReader.Delimiter
    /// Whether to start with the UTF-8 byte-order mark.
    public var includesBOM: Bool

    /// Creates a writer.
    public init(delimiter: CSVReader.Delimiter = .comma, includesBOM: Bool = true) {
        self.delimiter = delimiter
        self.includesBOM = includesBOM
    }

    /// The CSV bytes for a header and rows; rows are written as given (not padded).
    public func write(header: [String], rows: [[String]]) -> Data {
        var output: [UInt8] = includesBOM ? [0xEF, 0xBB, 0xBF] : []
        append(header, to: &output)
        for row in rows { append(row, to: &output) }
        return Data(output)
    }

    /// The CSV bytes for a table's header and rows.
    public func write(_ table: SheetTable) -> Data {
        write(header: table.header, rows: table.rows.map(\.cells))
    }

    private func append(_ cells: [String], to output: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(delimiter.rawValue) }
            output.append(contentsOf: escaped(CSVFormulaGuard.neutralised(cell)).utf8)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    private func escaped(_ cell: String) -> String {
        let needsQuotes = cell.utf8.contains { byte in
            byte == delimiter.rawValue || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
        }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
