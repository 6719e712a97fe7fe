import Foundation

/// What a file is, judged by its first bytes — never by its name or the type the client declares,
/// which anyone can set.
public enum FileType: String, Sendable, CaseIterable {
    /// A zip container: `.xlsx` workbooks (the sheet reader checks the inside).
    case xlsx
    /// An OLE compound file: old `.xls`/`.doc`; accepted only so the sheet reader can say what to do instead.
    case ole
    /// Text without binary content: CSV, TSV, JSON/GeoJSON (UTF-8, UTF-16 with BOM, GB18030).
    case text
    case jpeg, png, webp, pdf

    public var chineseName: String {
        switch self {
        case .xlsx: "Excel 工作簿(xlsx)"
        case .ole: "旧版 Office 文件"
        case .text: "文本(csv、json)"
        case .jpeg: "JPEG 图片"
        case .png: "PNG 图片"
        case .webp: "WebP 图片"
        case .pdf: "PDF 文档"
        }
    }

    /// The media type the file is served with.
    public var mediaType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .ole: "application/octet-stream"
        case .text: "text/plain; charset=utf-8"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .pdf: "application/pdf"
        }
    }

    /// The file-name extensions of the type, the usual one first.
    public var fileExtensions: [String] {
        switch self {
        case .xlsx: ["xlsx"]
        case .ole: ["xls", "doc"]
        case .text: ["csv", "txt", "json", "geojson", "tsv"]
        case .jpeg: ["jpg", "jpeg"]
        case .png: ["png"]
        case .webp: ["webp"]
        case .pdf: ["pdf"]
        }
    }

    /// The type `data` starts like, or nil for anything else (executables, archives, media, empty).
    public static func sniff(_ data: Data) -> FileType? {
        let head = [UInt8](data.prefix(16))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .xlsx }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return looksLikeText(data) ? .text : nil
    }

    /// UTF-16 with a byte-order mark, or bytes without NUL and without C0 controls other than tab,
    /// newline, form feed and carriage return in the first 8 KB (UTF-8 and GB18030 both pass).
    static func looksLikeText(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(8192))
        guard !head.isEmpty else { return false }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return head.count % 2 == 0 || data.count > 8192 }
        return !head.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D }
    }
}
