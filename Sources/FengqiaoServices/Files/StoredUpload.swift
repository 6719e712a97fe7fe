import FengqiaoDomain

/// A file kept by `UploadStore`: the random name it is stored under, its type as judged from its
/// content, its size and SHA-256 (hex).
public struct StoredUpload: Sendable, Hashable, Codable {
    public let name: String
    public let type: String
    public let size: Int
    public let sha256: String

    public init(name: String, type: String, size: Int, sha256: String) {
        self.name = name
        self.type = type
        self.size = size
        self.sha256 = sha256
    }

    public var fileType: FileType? { FileType(rawValue: type) }
}
