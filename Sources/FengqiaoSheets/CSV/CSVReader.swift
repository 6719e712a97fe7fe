import Foundation

/// Reads CSV as RFC 4180 describes it, and as Excel and WPS actually write it.
///
/// - Fields may be quoted; `""` inside quotes is one quote; CR, LF and CRLF all end a row, except inside
///   quotes where they are part of the cell. Text after a closing quote is kept (`"ab"c` → `abc`, as Excel).
/// - A quote in the middle of an unquoted field is an ordinary character.
/// - Row numbers count records, as Excel does when it opens the file (a cell with a line break is still one row).
/// - Encodings: see ``CSVTextDecoder`` (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK).
/// - Building the table (header, padding, long rows, limits): see ``SheetTable``.
public struct CSVReader: Sendable {
    /// The field separator.
    public enum Delimiter: UInt8, Sendable {
        case comma = 0x2C
        case semicolon = 0x3B
        case tab = 0x09
    }

    /// The field separator in use.
    public var delimiter: Delimiter
    /// Size limits applied while reading.
    public var limits: SheetLimits

    /// Creates a reader.
    public init(delimiter: Delimiter = .comma, limits: SheetLimits = .standard) {
        self.delimiter = delimiter
        self.limits = limits
    }

    /// Reads a CSV file's bytes into a table.
    public func read(_ data: Data) throws(SheetError) -> SheetTable {
        guard data.count <= limits.maxFileBytes else { throw .tooLarge(.fileBytes(limits.maxFileBytes)) }
        guard !data.isEmpty else { throw .empty }
        return try read(text: CSVTextDecoder.decode(data))
    }

    /// Reads already-decoded CSV text into a table.
    public func read(text: String) throws(SheetError) -> SheetTable {
        var builder = SheetTableBuilder(limits: limits)
        var splitter = CSVRecordSplitter(delimiter: delimiter.rawValue, maxColumns: limits.maxColumns)
        for byte in text.utf8 {
            if let record = try splitter.consume(byte) {
                try builder.add(rowNumber: record.number, cells: record.fields)
            }
        }
        if let record = try splitter.finish() {
            try builder.add(rowNumber: record.number, cells: record.fields)
        }
        return try builder.build()
    }
}
