import Foundation

/// A printed document or package to download.
public struct MediationDocumentDownload: Sendable {
    public var data: Data
    public var fileName: String
    public var mediaType: String
}
