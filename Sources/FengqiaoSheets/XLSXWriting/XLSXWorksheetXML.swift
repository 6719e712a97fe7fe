/// Builds the XML of one worksheet part: bold frozen header row, fitted column widths, inline-string cells.
///
/// Every non-empty cell is an inline string (`t="inlineStr"`) with the text number format "@", so ID numbers,
/// phone numbers and leading zeros are never turned into numbers, and text such as `=1+1` is never a formula:
/// Excel does not evaluate inline strings, so no injection guard is needed here (unlike ``CSVWriter``).
enum XLSXWorksheetXML {
    /// Style index of the bold header (see ``XLSXPackageParts/styles``).
    private static let headerStyle = 1
    /// Style index of data cells (text format "@").
    private static let textStyle = 2
    private static let minWidth = 6
    private static let maxWidth = 60

    static func build(_ sheet: XLSXSheet, isSelected: Bool) -> String {
        let allRows = [sheet.header] + sheet.rows
        let columnCount = allRows.map(\.count).max() ?? 0
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if columnCount > 0 {
            let last = SheetColumn.reference(row: allRows.count, columnIndex: columnCount - 1)
            xml += #"<dimension ref="A1:\#(last)"/>"#
        }
        xml += #"<sheetViews><sheetView workbookViewId="0"\#(isSelected ? #" tabSelected="1""# : "")>"#
        xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        xml += columns(allRows, count: columnCount)
        xml += "<sheetData>"
        for (offset, row) in allRows.enumerated() {
            appendRow(row, number: offset + 1, style: offset == 0 ? headerStyle : textStyle, to: &xml)
        }
        xml += "</sheetData></worksheet>"
        return xml
    }

    private static func columns(_ rows: [[String]], count: Int) -> String {
        guard count > 0 else { return "" }
        var widths = [Int](repeating: minWidth, count: count)
        for row in rows {
            for (index, cell) in row.enumerated() where widths.indices.contains(index) {
                widths[index] = max(widths[index], min(TextDisplayWidth.of(cell) + 2, maxWidth))
            }
        }
        var xml = "<cols>"
        for (index, width) in widths.enumerated() {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        return xml + "</cols>"
    }

    private static func appendRow(_ row: [String], number: Int, style: Int, to xml: inout String) {
        xml += #"<row r="\#(number)">"#
        for (column, text) in row.enumerated() where !text.isEmpty {
            let reference = SheetColumn.reference(row: number, columnIndex: column)
            let escaped = XMLText.content(OOXMLEscapes.encode(text))
            let preserve = needsPreserve(text) ? #" xml:space="preserve""# : ""
            xml += #"<c r="\#(reference)" s="\#(style)" t="inlineStr"><is><t\#(preserve)>\#(escaped)</t></is></c>"#
        }
        xml += "</row>"
    }

    /// Whether XML consumers could otherwise trim or fold the text's whitespace.
    private static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
            || text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\t" }
    }
}
