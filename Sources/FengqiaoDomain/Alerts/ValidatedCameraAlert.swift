import Foundation

/// A camera alert that passed validation: every field typed and within limits.
public struct ValidatedCameraAlert: Sendable, Equatable {
    public var eventId: String
    public var cameraCode: String
    public var eventType: CameraEventType
    public var occurredAt: Date
    public var confidence: Double
    /// The snapshot's bytes, a JPEG or PNG by content, within the size limit.
    public var snapshot: Data?
    public var snapshotType: FileType?
    public var bbox: [Double]?
    public var description: String?
}
