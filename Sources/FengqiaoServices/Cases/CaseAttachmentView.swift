import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A file attached to a case as staff see it in the case and its list of attachments.
public struct CaseAttachmentView: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    /// A `FileType` raw value (`jpeg`, `png`, `webp`, `pdf`) and its media type and Chinese name.
    public var type: String
    public var mediaType: String
    public var typeName: String
    public var size: Int64
    public var sha256: String
    public var uploadedAt: Date
    /// The uploader as the timeline names actors (`account:42:王芳`).
    public var uploadedBy: String

    init(_ record: CaseAttachmentRecord) {
        let type = FileType(rawValue: record.fileType)
        id = record.id ?? 0
        name = record.originalName
        self.type = record.fileType
        mediaType = type?.mediaType ?? "application/octet-stream"
        typeName = type?.chineseName ?? record.fileType
        size = record.size
        sha256 = record.sha256
        uploadedAt = Date(millisecondsSince1970: record.createdAt)
        uploadedBy = record.uploadedBy
    }
}
