/// The RFC 4180 state machine behind ``CSVReader``, fed one UTF-8 byte at a time.
///
/// Working on bytes is safe because every byte it looks at (quote, delimiter, CR, LF) is ASCII, and bytes of
/// multi-byte UTF-8 characters are all ≥ 0x80, so they can never be mistaken for one.
struct CSVRecordSplitter {
    /// One finished record: its 1-based number and its fields.
    struct Record {
        var number: Int
        var fields: [String]
    }

    private enum State {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
        case afterCR
    }

    private static let quote: UInt8 = 0x22
    private static let carriageReturn: UInt8 = 0x0D
    private static let lineFeed: UInt8 = 0x0A

    private let delimiter: UInt8
    private let maxColumns: Int
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var recordNumber = 1
    private var sawAnything = false

    init(delimiter: UInt8, maxColumns: Int) {
        self.delimiter = delimiter
        self.maxColumns = maxColumns
    }

    /// Consumes one byte; returns a record when this byte ended one.
    mutating func consume(_ byte: UInt8) throws(SheetError) -> Record? {
        switch state {
        case .afterCR:
            state = .fieldStart
            if byte == Self.lineFeed { return nil }  // CRLF: the record already ended at CR.
            return try consume(byte)
        case .quoted:
            if byte == Self.quote { state = .quoteInQuoted } else { field.append(byte) }
            return nil
        case .quoteInQuoted:
            if byte == Self.quote {
                field.append(byte)
                state = .quoted
                return nil
            }
            state = .unquoted
            return try consumeOutsideQuotes(byte)
        case .fieldStart:
            sawAnything = true
            if byte == Self.quote {
                state = .quoted
                return nil
            }
            return try consumeOutsideQuotes(byte)
        case .unquoted:
            return try consumeOutsideQuotes(byte)
        }
    }

    /// Ends the input; returns the last record if the file did not end with a line break.
    mutating func finish() throws(SheetError) -> Record? {
        switch state {
        case .quoted:
            throw .malformedCSV(
                row: recordNumber, reason: "引号未闭合（某个单元格以英文双引号开头，但直到文件结尾都没有结束的双引号）")
        case .afterCR:
            return nil
        case .fieldStart where !sawAnything:
            return nil
        case .fieldStart, .unquoted, .quoteInQuoted:
            return try endRecord()
        }
    }

    private mutating func consumeOutsideQuotes(_ byte: UInt8) throws(SheetError) -> Record? {
        switch byte {
        case delimiter:
            try endField()
            state = .fieldStart
            return nil
        case Self.carriageReturn:
            let record = try endRecord()
            state = .afterCR
            return record
        case Self.lineFeed:
            let record = try endRecord()
            state = .fieldStart
            return record
        default:
            field.append(byte)
            state = .unquoted
            return nil
        }
    }

    private mutating func endField() throws(SheetError) {
        guard fields.count < maxColumns else { throw .tooLarge(.columns(maxColumns)) }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord() throws(SheetError) -> Record {
        try endField()
        let record = Record(number: recordNumber, fields: fields)
        fields.removeAll(keepingCapacity: true)
        recordNumber += 1
        sawAnything = false
        return record
    }
}
