import Foundation

/// A file checked and stored while the desk shows its preview (`intake_uploads`), waiting to be
/// attached by the confirmation; `token` names it in the form, and only `accountId` may claim it.
public struct IntakeUploadRecord: Sendable, Codable, Equatable {
    public var token: String
    public var accountId: Int64
    public var storedName: String
    public var fileType: String
    public var size: Int64
    public var sha256: String
    public var originalName: String
    public var createdAt: Int64

    public init(
        token: String, accountId: Int64, storedName: String, fileType: String, size: Int64, sha256: String,
        originalName: String, createdAt: Int64
    ) {
        self.token = token
        self.accountId = accountId
        self.storedName = storedName
        self.fileType = fileType
        self.size = size
        self.sha256 = sha256
        self.originalName = originalName
        self.createdAt = createdAt
    }
}
