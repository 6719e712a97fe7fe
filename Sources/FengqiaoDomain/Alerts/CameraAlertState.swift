import Foundation

/// Where an alert (with the repeats folded into it) stands.
public enum CameraAlertState: String, Sendable, Codable, CaseIterable {
    /// Below its type's threshold: waiting for an operator.
    case queued
    /// At or above the threshold: a case was opened without an operator.
    case opened
    /// An operator confirmed it and a case was opened.
    case confirmed
    /// An operator dismissed it (false alarm), with a reason.
    case dismissed

    public var chineseName: String {
        switch self {
        case .queued: "待确认"
        case .opened: "已自动立案"
        case .confirmed: "已确认立案"
        case .dismissed: "已排除"
        }
    }

    /// Whether a case belongs to the alert.
    public var hasCase: Bool { self == .opened || self == .confirmed }
}
