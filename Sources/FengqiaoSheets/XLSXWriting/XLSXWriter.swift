import Foundation

/// Writes a minimal, valid `.xlsx` for exports of lists: one or more sheets, each with a bold, frozen header
/// row, column widths fitted to the content (CJK characters count double) and every cell as text.
///
/// All cells are inline strings with the text format, so "0012", 18-digit ID numbers such as
/// "11010519491231002X" and phone numbers stay exactly as given and are never shown in scientific notation,
/// and text like "=1+1" stays text (Excel never evaluates inline strings; no apostrophe is added).
/// Characters XML 1.0 forbids (NUL and other control characters) are dropped. Sheet names are made valid
/// (see ``XLSXSheetName``). Limits: 1,048,576 rows and 16,384 columns per sheet, as in Excel.
public enum XLSXWriter {
    private static let maxRows = 1_048_576

    /// The `.xlsx` bytes for a single sheet.
    public static func write(sheetName: String, header: [String], rows: [[String]]) throws(SheetError) -> Data {
        try write([XLSXSheet(name: sheetName, header: header, rows: rows)])
    }

    /// The `.xlsx` bytes for sheets in the given order; an empty list gives one empty sheet.
    public static func write(_ sheets: [XLSXSheet]) throws(SheetError) -> Data {
        let sheets = sheets.isEmpty ? [XLSXSheet(name: "Sheet1", header: [], rows: [])] : sheets
        var names: [String] = []
        for sheet in sheets {
            guard sheet.rows.count < maxRows else {
                throw .writeFailed(reason: "超过 Excel 的 \(maxRows) 行上限")
            }
            let widest = ([sheet.header] + sheet.rows).map(\.count).max() ?? 0
            guard widest <= SheetColumn.maxExcelIndex + 1 else {
                throw .writeFailed(reason: "超过 Excel 的 \(SheetColumn.maxExcelIndex + 1) 列上限")
            }
            names.append(XLSXSheetName.sanitised(sheet.name, avoiding: Set(names.map { $0.lowercased() })))
        }
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", XLSXPackageParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", XLSXPackageParts.rootRelationships),
            ("xl/workbook.xml", XLSXPackageParts.workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", XLSXPackageParts.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXPackageParts.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append((XLSXPackageParts.sheetPath(index), XLSXWorksheetXML.build(sheet, isSelected: index == 0)))
        }
        return try zip(parts)
    }

    private static func zip(_ parts: [(path: String, xml: String)]) throws(SheetError) -> Data {
        do {
            return try ZipArchiveWriter.archive(parts.map { ($0.path, Data($0.xml.utf8)) })
        } catch {
            throw .writeFailed(reason: error.description)
        }
    }
}
