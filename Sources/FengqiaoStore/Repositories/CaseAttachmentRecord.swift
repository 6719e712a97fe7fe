import Foundation

/// A file attached to a case (`case_attachments`): stored by `UploadStore` under `storedName`, typed by
/// its content, listed under the cleaned name the uploader gave it.
public struct CaseAttachmentRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var caseId: Int64
    public var storedName: String
    /// A `FileType` raw value.
    public var fileType: String
    public var size: Int64
    public var sha256: String
    public var originalName: String
    /// The uploader as the timeline names actors (`account:42:王芳`).
    public var uploadedBy: String
    public var createdAt: Int64

    public init(
        id: Int64? = nil, caseId: Int64, storedName: String, fileType: String, size: Int64, sha256: String,
        originalName: String, uploadedBy: String, createdAt: Int64
    ) {
        self.id = id
        self.caseId = caseId
        self.storedName = storedName
        self.fileType = fileType
        self.size = size
        self.sha256 = sha256
        self.originalName = originalName
        self.uploadedBy = uploadedBy
        self.createdAt = createdAt
    }
}
