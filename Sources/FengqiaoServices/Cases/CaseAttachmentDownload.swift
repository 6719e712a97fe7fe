import FengqiaoDomain
import Foundation

/// An attachment's bytes with the type judged at upload and the name to save it under.
public struct CaseAttachmentDownload: Sendable {
    public var data: Data
    public var type: FileType
    public var name: String
}
