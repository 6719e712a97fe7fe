import FengqiaoDomain
import FengqiaoStore
import Foundation

/// A camera alert as operators see it in the queue.
public struct CameraAlertView: Sendable, Codable, Equatable {
    public var id: Int64
    public var cameraCode: String
    public var cameraName: String
    public var gridCode: String
    public var gridName: String?
    public var eventType: String
    public var eventTypeName: String
    public var state: String
    public var stateName: String
    /// The highest confidence of the events folded in.
    public var confidence: Double
    public var eventCount: Int
    public var firstSeenAt: Date
    public var lastSeenAt: Date
    public var description: String?
    public var bbox: [Double]?
    public var hasSnapshot: Bool
    public var caseNumber: String?
    public var decidedBy: String?
    public var decidedAt: Date?
    public var dismissReason: String?

    init(_ record: CameraAlertRecord, camera: CameraRecord?, caseNumber: String?, atlas: AreaAtlas?) {
        let type = CameraEventType(rawValue: record.eventType)
        let state = CameraAlertState(rawValue: record.state)
        id = record.id ?? 0
        cameraCode = camera?.code ?? ""
        cameraName = camera?.name ?? ""
        gridCode = record.gridCode
        gridName = atlas?.node(record.gridCode)?.name
        eventType = record.eventType
        eventTypeName = type?.chineseName ?? record.eventType
        self.state = record.state
        stateName = state?.chineseName ?? record.state
        confidence = record.confidence
        eventCount = record.eventCount
        firstSeenAt = Date(millisecondsSince1970: record.firstSeenAt)
        lastSeenAt = Date(millisecondsSince1970: record.lastSeenAt)
        description = record.description
        bbox = record.bbox.flatMap { try? JSONDecoder().decode([Double].self, from: Data($0.utf8)) }
        hasSnapshot = record.snapshotName != nil
        self.caseNumber = caseNumber
        decidedBy = record.decidedBy
        decidedAt = record.decidedAt.map(Date.init(millisecondsSince1970:))
        dismissReason = record.dismissReason
    }
}
