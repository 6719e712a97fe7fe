/// Upper bounds that keep a hostile or accidental huge upload from exhausting memory or time.
///
/// The defaults suit a street-level (街道) import: 20 MB file, 200,000 data rows.
public struct SheetLimits: Sendable, Hashable {
    /// Largest accepted upload, in bytes.
    public var maxFileBytes: Int
    /// Most data rows (the header not counted; all-empty rows not counted).
    public var maxRows: Int
    /// Most columns in any row (header or data).
    public var maxColumns: Int
    /// Most cells in the table once rows are padded to the header width.
    public var maxCells: Int
    /// Most bytes decompressed from one `.xlsx` in total: the zip-bomb guard.
    public var maxUncompressedBytes: Int

    /// Creates limits; every value is clamped to at least 1.
    public init(
        maxFileBytes: Int = 20 * 1024 * 1024,
        maxRows: Int = 200_000,
        maxColumns: Int = 1_000,
        maxCells: Int = 10_000_000,
        maxUncompressedBytes: Int = 100 * 1024 * 1024
    ) {
        self.maxFileBytes = max(1, maxFileBytes)
        self.maxRows = max(1, maxRows)
        self.maxColumns = max(1, maxColumns)
        self.maxCells = max(1, maxCells)
        self.maxUncompressedBytes = max(1, maxUncompressedBytes)
    }

    /// The defaults.
    public static let standard = SheetLimits()

    /// Which limit was hit, with its value.
    public enum Limit: Sendable, Hashable {
        case fileBytes(Int)
        case rows(Int)
        case columns(Int)
        case cells(Int)
        case uncompressedBytes(Int)

        var message: String {
            switch self {
            case .fileBytes(let bytes): "文件超过 \(Self.megabytes(bytes)) MB 的上限，请拆分后分批导入"
            case .rows(let rows): "数据超过 \(rows) 行的上限，请拆分后分批导入"
            case .columns(let columns): "列数超过 \(columns) 列的上限"
            case .cells(let cells): "单元格总数超过 \(cells) 个的上限，请拆分后分批导入"
            case .uncompressedBytes(let bytes):
                "xlsx 解压后超过 \(Self.megabytes(bytes)) MB 的上限（文件异常或数据过多）"
            }
        }

        private static func megabytes(_ bytes: Int) -> String {
            let mebibyte = 1024 * 1024
            let whole = bytes / mebibyte
            let tenth = (bytes % mebibyte) * 10 / mebibyte
            return tenth == 0 ? "\(whole)" : "\(whole).\(tenth)"
        }
    }
}
