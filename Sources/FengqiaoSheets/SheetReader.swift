import Foundation

/// The single entry point for imports: reads an uploaded CSV or XLSX into a ``SheetTable``.
///
/// ```swift
/// let table = try SheetReader.read(data: upload, filename: "居民名单.xlsx")
/// guard let nameColumn = table.columnIndex(named: "姓名") else { … }
/// for row in table.rows { let name = row[nameColumn]; … report problems as "第 \(row.number) 行" }
/// ```
public enum SheetReader {
    /// Reads `data`, choosing the format with ``SheetFormat/detect(data:filename:)``.
    ///
    /// - Parameters:
    ///   - filename: The name the file was uploaded with; only its extension is used.
    ///   - sheetName: For `.xlsx`, the sheet to read; nil reads the first worksheet. Ignored for CSV.
    ///   - limits: Size limits; ``SheetLimits/standard`` by default.
    public static func read(
        data: Data, filename: String, sheetName: String? = nil, limits: SheetLimits = .standard
    ) throws(SheetError) -> SheetTable {
        guard data.count <= limits.maxFileBytes else { throw .tooLarge(.fileBytes(limits.maxFileBytes)) }
        switch try SheetFormat.detect(data: data, filename: filename) {
        case .xlsx:
            return try XLSXReader(limits: limits).read(data, sheetName: sheetName)
        case .csv(let delimiter):
            return try CSVReader(delimiter: delimiter, limits: limits).read(data)
        }
    }
}
