import FengqiaoDomain
import Foundation

/// A file sent with an award request as evidence (a photo, a scanned document, a PDF).
public struct AwardEvidenceUpload: Sendable {
    public var data: Data
    public var filename: String?

    public init(data: Data, filename: String?) {
        self.data = data
        self.filename = filename
    }
}

/// An evidence file of an award request as the page lists it.
public struct AwardEvidenceFile: Sendable, Hashable {
    public var id: Int64
    public var filename: String
    public var type: FileType
    public var size: Int
}

/// An evidence file's bytes, for download.
public struct AwardEvidenceDownload: Sendable {
    public var filename: String
    public var type: FileType
    public var data: Data
}

extension AwardEvidenceUpload {
    /// Photos, scans and PDFs, at most 10 MB each.
    public static let rule = UploadRule.attachment(field: "files", maxBytes: 10 << 20)
    /// At most this many files with one request.
    public static let maximumCount = 5
}
