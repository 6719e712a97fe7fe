import FengqiaoDomain
import Foundation

/// The rule in force for one event type, and whether an administrator set it.
public struct CameraAlertRuleView: Sendable, Codable, Equatable {
    public var eventType: String
    public var eventTypeName: String
    public var threshold: Double
    public var urgency: String
    public var urgencyName: String
    public var windowMinutes: Int
    /// False while the built-in rule applies.
    public var configured: Bool
    public var updatedBy: String?
    public var updatedAt: Date?

    init(_ rule: CameraAlertRule, updatedBy: String?, updatedAt: Date?) {
        eventType = rule.eventType.rawValue
        eventTypeName = rule.eventType.chineseName
        threshold = rule.threshold
        urgency = rule.urgency.rawValue
        urgencyName = rule.urgency.chineseName
        windowMinutes = rule.windowMinutes
        configured = updatedBy != nil
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}
