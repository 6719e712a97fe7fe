import FengqiaoDomain
import Foundation

/// The answer to an algorithm platform's alert; the same event id sent again gets it again, with
/// `replayed` set.
public struct CameraAlertReceipt: Sendable, Codable, Equatable {
    /// What this event did.
    public enum Outcome: String, Sendable, Codable {
        /// A new alert at or above its type's threshold (or a repeat that lifted a queued alert over it):
        /// a case was opened and the grid warned.
        case opened
        /// A new alert below the threshold, waiting for an operator.
        case queued
        /// A repeat within the window, counted on the open alert (and noted on its case).
        case folded
    }

    public var eventId: String
    public var outcome: Outcome
    public var alertId: Int64
    public var state: String
    public var stateName: String
    public var caseNumber: String?
    /// How many events the alert holds so far.
    public var eventCount: Int
    public var replayed: Bool
}
