import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A scanned page uploaded at the desk and held for the confirmation.
public struct StagedPage: Sendable, Equatable, Codable {
    /// Names the page in the form; only its uploader can use it.
    public var token: String
    public var name: String
    public var typeName: String
    public var size: Int64

    init(_ record: IntakeUploadRecord) {
        token = record.token
        name = record.originalName
        typeName = FileType(rawValue: record.fileType)?.chineseName ?? record.fileType
        size = record.size
    }
}
