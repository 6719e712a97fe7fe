import Foundation

/// Which files an upload field accepts and how large they may be. The type is judged by the content
/// (`FileType.sniff`), so a renamed executable or image is refused whatever its name says.
public struct UploadRule: Sendable, Hashable {
    public let field: String
    public let allowed: Set<FileType>
    public let maxBytes: Int

    public init(field: String, allowed: Set<FileType>, maxBytes: Int) {
        self.field = field
        self.allowed = allowed
        self.maxBytes = maxBytes
    }

    /// Tables to import: workbooks and delimited text (old `.xls` passes so the reader can name it).
    public static func sheet(field: String = "file", maxBytes: Int) -> UploadRule {
        UploadRule(field: field, allowed: [.xlsx, .ole, .text], maxBytes: maxBytes)
    }

    /// GeoJSON boundaries.
    public static func geoJSON(field: String = "boundaries", maxBytes: Int) -> UploadRule {
        UploadRule(field: field, allowed: [.text], maxBytes: maxBytes)
    }

    /// Photos and scanned documents attached to cases and letters.
    public static func attachment(field: String = "attachment", maxBytes: Int = 10 << 20) -> UploadRule {
        UploadRule(field: field, allowed: [.jpeg, .png, .webp, .pdf], maxBytes: maxBytes)
    }

    /// The file's type, or the field error to show.
    public func check(_ data: Data) throws(DomainError) -> FileType {
        guard !data.isEmpty else {
            throw .validation([FieldError(field: field, code: "required", message: "请选择要上传的文件")])
        }
        guard data.count <= maxBytes else {
            throw .validation([FieldError(
                field: field, code: "too_large", message: "文件不能超过\(Self.megabytes(maxBytes))")])
        }
        guard let type = FileType.sniff(data), allowed.contains(type) else {
            let names = FileType.allCases.filter { allowed.contains($0) && $0 != .ole }.map(\.chineseName)
            throw .validation([FieldError(
                field: field, code: "unsupported_type",
                message: "文件内容不是允许的类型(仅接受\(names.joined(separator: "、")))")])
        }
        return type
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes / 1024) KB"
    }
}
