import Foundation

/// Which reader a file needs, decided from its first bytes and its extension.
public enum SheetFormat: Sendable, Hashable {
    /// Delimited text.
    case csv(CSVReader.Delimiter)
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    case xlsx

    private static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    private static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let xlsxExtensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm"]

    /// Detects the format, or throws the error to show for formats that are not read.
    ///
    /// A zip is read as `.xlsx` whatever its name; an OLE compound file is an old `.xls` (or, named `.xlsx`, a
    /// password-protected workbook); `.xls`/`.et` files that are neither (often HTML saved as .xls) are refused
    /// with the same `.xls` message; `.csv`, `.txt`, `.tsv` and names without an extension are delimited text
    /// (`.tsv` tab, `.txt` tab when its first line has tabs but no commas, otherwise comma).
    public static func detect(data: Data, filename: String) throws(SheetError) -> SheetFormat {
        guard !data.isEmpty else { throw .empty }
        let head = [UInt8](data.prefix(8))
        let ext = fileExtension(of: filename)
        switch ext {
        case "xlsb": throw .unsupportedFormat(.xlsb)
        case "ods": throw .unsupportedFormat(.ods)
        default: break
        }
        if head.starts(with: zipMagic) || head.starts(with: emptyZipMagic) { return .xlsx }
        if head.starts(with: oleMagic) {
            throw xlsxExtensions.contains(ext) ? .encrypted : .unsupportedFormat(.legacyXLS)
        }
        switch ext {
        case "xls", "et", "xlt":
            throw .unsupportedFormat(.legacyXLS)
        case _ where xlsxExtensions.contains(ext):
            throw ZipArchiveReader.damaged
        case "csv", "":
            return .csv(.comma)
        case "tsv":
            return .csv(.tab)
        case "txt":
            return .csv(firstLineLooksTabSeparated(data) ? .tab : .comma)
        default:
            throw .unsupportedFormat(.other(fileExtension: ext))
        }
    }

    /// The lowercased extension of the last path component ("" when there is none).
    static func fileExtension(of filename: String) -> String {
        let name = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func firstLineLooksTabSeparated(_ data: Data) -> Bool {
        let line = data.prefix(64 * 1024).prefix { $0 != 0x0A && $0 != 0x0D }
        return line.contains(0x09) && !line.contains(0x2C)
    }
}
