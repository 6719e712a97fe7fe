import Foundation

/// An `assessment_award_files` row: one evidence file of an award request.
public struct AssessmentAwardFileRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var awardId: Int64
    public var storedName: String
    public var filename: String
    public var fileType: String
    public var size: Int64
    public var sha256: String
    public var uploadedAt: Int64

    public init(id: Int64? = nil, awardId: Int64, storedName: String, filename: String, fileType: String, size: Int64,
                sha256: String, uploadedAt: Int64)
    {
        self.id = id
        self.awardId = awardId
        self.storedName = storedName
        self.filename = filename
        self.fileType = fileType
        self.size = size
        self.sha256 = sha256
        self.uploadedAt = uploadedAt
    }
}
