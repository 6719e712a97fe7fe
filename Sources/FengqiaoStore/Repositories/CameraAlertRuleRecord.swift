import Foundation

/// An administrator's rule for one camera event type (`camera_alert_rules`).
public struct CameraAlertRuleRecord: Sendable, Codable, Equatable {
    public var eventType: String
    public var threshold: Double
    public var urgency: String
    public var windowMinutes: Int
    public var updatedBy: String
    public var updatedAt: Int64

    public init(eventType: String, threshold: Double, urgency: String, windowMinutes: Int, updatedBy: String, updatedAt: Int64) {
        self.eventType = eventType
        self.threshold = threshold
        self.urgency = urgency
        self.windowMinutes = windowMinutes
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}
