import Foundation

/// Reads a worksheet of an `.xlsx` (Office Open XML, as written by Excel, WPS, LibreOffice, openpyxl…).
///
/// Every cell comes back as the text a person sees, with these rules: strings as stored (rich-text runs
/// joined); numbers without exponent or a trailing ".0" (see ``ExcelNumberText``), so an ID or phone number
/// stored as a number comes back as its digits; numbers whose cell style is a date or time format as
/// "yyyy-MM-dd", "HH:mm:ss" or "yyyy-MM-dd HH:mm:ss" (other number formats such as percentages or
/// thousands separators are not applied); booleans as TRUE/FALSE; formulas as their cached result.
/// Merged cells give their value only in the top-left cell. See ``SheetTable`` for header and row rules.
public struct XLSXReader: Sendable {
    /// Size limits applied while reading, including the cap on decompressed bytes (zip-bomb guard).
    public var limits: SheetLimits

    /// Creates a reader.
    public init(limits: SheetLimits = .standard) {
        self.limits = limits
    }

    /// Names of the workbook's sheets in tab order (worksheets only; chart sheets are left out).
    public func sheetNames(in data: Data) throws(SheetError) -> [String] {
        var package = try open(data)
        return try package.sheets().sheets.filter(\.isWorksheet).map(\.name)
    }

    /// Reads the sheet named `sheetName`, or the first worksheet in tab order when it is nil.
    public func read(_ data: Data, sheetName: String? = nil) throws(SheetError) -> SheetTable {
        var package = try open(data)
        let (sheets, uses1904) = try package.sheets()
        let sheet: XLSXPackage.SheetReference
        if let sheetName {
            guard let named = sheets.first(where: { $0.isWorksheet && $0.name == sheetName }) else {
                throw .sheetNotFound(name: sheetName)
            }
            sheet = named
        } else {
            guard let first = sheets.first(where: \.isWorksheet) else {
                throw .malformedXLSX(reason: "工作簿中没有工作表")
            }
            sheet = first
        }
        let strings = SharedStringsPartHandler()
        _ = try package.parseRelated(typeSuffix: "sharedStrings", with: strings)
        let styles = StylesPartHandler()
        _ = try package.parseRelated(typeSuffix: "styles", with: styles)
        let worksheet = WorksheetPartHandler(
            limits: limits, sharedStrings: strings.strings, dateKinds: styles.dateKinds, uses1904: uses1904)
        try package.parse(sheet.path, with: worksheet)
        return try worksheet.builder.build()
    }

    private func open(_ data: Data) throws(SheetError) -> XLSXPackage {
        guard data.count <= limits.maxFileBytes else { throw .tooLarge(.fileBytes(limits.maxFileBytes)) }
        guard !data.isEmpty else { throw .empty }
        return try XLSXPackage(data: data, limits: limits)
    }
}
