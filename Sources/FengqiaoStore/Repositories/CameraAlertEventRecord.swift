import Foundation

/// One event id received from an algorithm platform and the answer it got (`camera_alert_events`).
public struct CameraAlertEventRecord: Sendable, Codable, Equatable {
    public var eventId: String
    public var alertId: Int64
    public var confidence: Double
    public var occurredAt: Int64
    public var receivedAt: Int64
    /// The JSON answered the first time.
    public var response: String

    public init(eventId: String, alertId: Int64, confidence: Double, occurredAt: Int64, receivedAt: Int64, response: String) {
        self.eventId = eventId
        self.alertId = alertId
        self.confidence = confidence
        self.occurredAt = occurredAt
        self.receivedAt = receivedAt
        self.response = response
    }
}
