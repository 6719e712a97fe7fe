import Foundation

/// An alert from a camera with the repeats folded into it (`camera_alerts`).
public struct CameraAlertRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var cameraId: Int64
    public var gridCode: String
    public var eventType: String
    /// `queued` | `opened` | `confirmed` | `dismissed` (`CameraAlertState`).
    public var state: String
    public var confidence: Double
    public var firstSeenAt: Int64
    public var lastSeenAt: Int64
    public var eventCount: Int
    public var description: String?
    public var bbox: String?
    public var snapshotName: String?
    public var snapshotType: String?
    public var snapshotSize: Int64?
    public var snapshotSha256: String?
    public var caseId: Int64?
    public var decidedBy: String?
    public var decidedAt: Int64?
    public var dismissReason: String?
    public var createdAt: Int64

    public init(
        id: Int64? = nil, cameraId: Int64, gridCode: String, eventType: String, state: String, confidence: Double,
        firstSeenAt: Int64, lastSeenAt: Int64, eventCount: Int = 1, description: String? = nil, bbox: String? = nil,
        snapshotName: String? = nil, snapshotType: String? = nil, snapshotSize: Int64? = nil, snapshotSha256: String? = nil,
        caseId: Int64? = nil, decidedBy: String? = nil, decidedAt: Int64? = nil, dismissReason: String? = nil,
        createdAt: Int64
    ) {
        self.id = id
        self.cameraId = cameraId
        self.gridCode = gridCode
        self.eventType = eventType
        self.state = state
        self.confidence = confidence
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.eventCount = eventCount
        self.description = description
        self.bbox = bbox
        self.snapshotName = snapshotName
        self.snapshotType = snapshotType
        self.snapshotSize = snapshotSize
        self.snapshotSha256 = snapshotSha256
        self.caseId = caseId
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.dismissReason = dismissReason
        self.createdAt = createdAt
    }
}
