import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part (`<sheetData><row><c>…`) into a ``SheetTableBuilder``.
///
/// Cells are placed by their reference (`r="C7"`), so skipped empty cells leave "" in between; a cell or row
/// without a reference follows the previous one. Cell types: `s` (shared string), `inlineStr`, `str` (formula
/// text), `b` (TRUE/FALSE), `e` (error text such as `#N/A`), `d` (ISO date text, kept), and numbers (see
/// ``ExcelNumberText``; date-formatted numbers see ``ExcelDate``). Formulas without a cached value read as "".
final class WorksheetPartHandler: NSObject, XMLPartHandler {
    private static let maxRowNumber = 1_048_576

    private(set) var builder: SheetTableBuilder
    private(set) var failure: SheetError?
    private let sharedStrings: [String]
    private let dateKinds: [ExcelDateFormat.Kind?]
    private let uses1904: Bool
    private let maxColumns: Int

    private var rowNumber = 0
    private var rowCells: [Int: String]?
    private var nextColumn = 0
    private var cell: CellInProgress?
    private var phoneticDepth = 0

    /// The `<c>` being read.
    private struct CellInProgress {
        var column: Int
        var type: String
        var style: Int
        var value = ""
        var inlineText = ""
        var inValue = false
        var inInlineText = false
    }

    init(limits: SheetLimits, sharedStrings: [String], dateKinds: [ExcelDateFormat.Kind?], uses1904: Bool) {
        builder = SheetTableBuilder(limits: limits)
        self.sharedStrings = sharedStrings
        self.dateKinds = dateKinds
        self.uses1904 = uses1904
        maxColumns = limits.maxColumns
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        switch elementName.xmlLocalName {
        case "row":
            let number = attributeDict.xmlAttribute("r").flatMap { Int($0) } ?? rowNumber + 1
            guard number >= 1, number <= Self.maxRowNumber else {
                return fail(.malformedXLSX(reason: "工作表中的行号“\(number)”无效"), parser)
            }
            rowNumber = number
            rowCells = [:]
            nextColumn = 0
        case "c" where rowCells != nil:
            let column = attributeDict.xmlAttribute("r").flatMap(Self.column(ofReference:)) ?? nextColumn
            let style = attributeDict.xmlAttribute("s").flatMap { Int($0) } ?? 0
            cell = CellInProgress(column: column, type: attributeDict.xmlAttribute("t") ?? "n", style: style)
        case "v":
            cell?.inValue = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            cell?.inInlineText = phoneticDepth == 0
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard failure == nil else { return }
        switch elementName.xmlLocalName {
        case "v":
            cell?.inValue = false
        case "t":
            cell?.inInlineText = false
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "c":
            guard let finished = cell else { return }
            cell = nil
            nextColumn = finished.column + 1
            finishCell(finished, parser)
        case "row":
            guard let cells = rowCells else { return }
            rowCells = nil
            let width = (cells.keys.max() ?? -1) + 1
            var values = [String](repeating: "", count: width)
            for (column, text) in cells where values.indices.contains(column) { values[column] = text }
            do { try builder.add(rowNumber: rowNumber, cells: values) } catch { fail(error, parser) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ text: String) {
        guard cell != nil else { return }
        if cell?.inValue == true { cell?.value += text }
        if cell?.inInlineText == true { cell?.inlineText += text }
    }

    private func finishCell(_ cell: CellInProgress, _ parser: XMLParser) {
        let text: String
        switch value(of: cell) {
        case .success(let value): text = value
        case .failure(let error): return fail(error, parser)
        }
        guard !text.isEmpty else { return }
        guard cell.column < maxColumns else { return fail(.tooLarge(.columns(maxColumns)), parser) }
        rowCells?[cell.column] = text
    }

    private func value(of cell: CellInProgress) -> Result<String, SheetError> {
        switch cell.type {
        case "s":
            guard let index = Int(cell.value.trimmingSheetWhitespace()), sharedStrings.indices.contains(index) else {
                let reference = SheetColumn.reference(row: rowNumber, columnIndex: cell.column)
                return .failure(.malformedXLSX(reason: "单元格 \(reference) 引用了不存在的共享字符串"))
            }
            return .success(sharedStrings[index])
        case "inlineStr":
            return .success(OOXMLEscapes.decode(cell.inlineText.isEmpty ? cell.value : cell.inlineText))
        case "str":
            return .success(OOXMLEscapes.decode(cell.value))
        case "b":
            let flag = cell.value.trimmingSheetWhitespace()
            return .success(flag == "1" ? "TRUE" : flag == "0" ? "FALSE" : flag)
        case "e", "d":
            return .success(cell.value)
        default:
            return .success(number(cell))
        }
    }

    private func number(_ cell: CellInProgress) -> String {
        let raw = cell.value.trimmingSheetWhitespace()
        guard !raw.isEmpty else { return "" }
        if dateKinds.indices.contains(cell.style), let kind = dateKinds[cell.style], let serial = Double(raw),
            let date = ExcelDate.text(serial: serial, kind: kind, uses1904: uses1904)
        {
            return date
        }
        return ExcelNumberText.display(raw)
    }

    private func fail(_ error: SheetError, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    /// The 0-based column of a reference like "C7" or "$AB$12", or nil.
    private static func column(ofReference reference: String) -> Int? {
        let letters = reference.unicodeScalars.lazy.filter { $0 != "$" }.prefix { $0.properties.isAlphabetic }
        return SheetColumn.index(forLetters: String(String.UnicodeScalarView(letters)))
    }
}
