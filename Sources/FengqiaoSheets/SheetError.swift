import Foundation

/// Why a spreadsheet could not be read or written.
///
/// `code` is stable (logs, API responses, tests); `message` is the Chinese sentence shown to the person who
/// uploaded the file. Row numbers are 1-based as Excel shows them (the header is row 1).
public enum SheetError: Error, Sendable, Hashable {
    /// The file has no bytes, or no non-empty row.
    case empty
    /// A format this module does not read (old binary `.xls`, `.xlsb`, `.ods`, a PDF…).
    case unsupportedFormat(UnsupportedFormat)
    /// A password-protected workbook (Office encrypts it into an OLE container) or an encrypted zip entry.
    case encrypted
    /// One of the ``SheetLimits`` was exceeded.
    case tooLarge(SheetLimits.Limit)
    /// A CSV that is neither UTF-8 (with or without BOM), UTF-16 with BOM, nor GB18030/GBK.
    case unknownEncoding
    /// A CSV that cannot be split into rows, e.g. a quote that is never closed.
    case malformedCSV(row: Int, reason: String)
    /// A damaged `.xlsx`: not a zip, truncated, missing parts, bad XML. `reason` is Chinese.
    case malformedXLSX(reason: String)
    /// ``SheetReader`` was asked for a worksheet name the workbook does not have.
    case sheetNotFound(name: String)
    /// A data row holds values to the right of the last header column.
    case rowTooLong(row: Int, cells: Int, columns: Int)
    /// Building an `.xlsx` failed (should not happen; reported rather than crashing).
    case writeFailed(reason: String)

    /// Formats that are recognised but deliberately not read.
    public enum UnsupportedFormat: Sendable, Hashable {
        /// Excel 97–2003 binary workbook (also WPS `.et`).
        case legacyXLS
        /// Excel binary workbook.
        case xlsb
        /// OpenDocument spreadsheet.
        case ods
        /// Anything else, with the file's extension (may be empty).
        case other(fileExtension: String)
    }

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .empty: "empty_file"
        case .unsupportedFormat: "unsupported_format"
        case .encrypted: "encrypted"
        case .tooLarge: "too_large"
        case .unknownEncoding: "unknown_encoding"
        case .malformedCSV: "malformed_csv"
        case .malformedXLSX: "malformed_xlsx"
        case .sheetNotFound: "sheet_not_found"
        case .rowTooLong: "row_too_long"
        case .writeFailed: "write_failed"
        }
    }

    /// The row the problem is on, when it is about one row.
    public var row: Int? {
        switch self {
        case .malformedCSV(let row, _), .rowTooLong(let row, _, _): row
        default: nil
        }
    }

    /// Chinese message for the person who uploaded the file.
    public var message: String {
        switch self {
        case .empty:
            "文件为空，没有可导入的数据"
        case .unsupportedFormat(let format):
            format.message
        case .encrypted:
            "文件已加密，请取消密码保护后另存为 .xlsx 或 .csv 再上传"
        case .tooLarge(let limit):
            limit.message
        case .unknownEncoding:
            "无法识别文件编码，请用 UTF-8 或 GBK 编码保存 CSV，或另存为 .xlsx"
        case .malformedCSV(let row, let reason):
            "CSV 格式错误（第 \(row) 行）：\(reason)"
        case .malformedXLSX(let reason):
            "xlsx 文件无法读取：\(reason)。请用 Excel 或 WPS 打开后重新另存为 .xlsx"
        case .sheetNotFound(let name):
            "工作簿中没有名为“\(name)”的工作表"
        case .rowTooLong(let row, let cells, let columns):
            "第 \(row) 行有 \(cells) 列数据，超出表头的 \(columns) 列"
        case .writeFailed(let reason):
            "生成文件失败：\(reason)"
        }
    }
}

extension SheetError.UnsupportedFormat {
    var message: String {
        switch self {
        case .legacyXLS: "不支持 .xls 格式，请另存为 .xlsx 或 .csv"
        case .xlsb: "不支持 .xlsb 格式，请另存为 .xlsx 或 .csv"
        case .ods: "不支持 .ods 格式，请另存为 .xlsx 或 .csv"
        case .other(let ext) where ext.isEmpty: "无法识别的文件格式，请上传 .xlsx 或 .csv 文件"
        case .other(let ext): "不支持 .\(ext) 文件，请上传 .xlsx 或 .csv 文件"
        }
    }
}

extension SheetError: CustomStringConvertible, LocalizedError {
    /// `"[code] message"`, for logs.
    public var description: String { "[\(code)] \(message)" }

    /// The Chinese message, so `localizedDescription` shows it.
    public var errorDescription: String? { message }
}
