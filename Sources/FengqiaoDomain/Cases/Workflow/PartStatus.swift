import Foundation

/// Where one department's part of a case stands.
public enum PartStatus: String, Sendable, Codable, CaseIterable {
    /// Sent, not yet signed for.
    case dispatched
    /// Signed for (签收), being handled.
    case signed
    /// Reported done (the lead's feedback, or an assisting department's part).
    case done
    /// An assisting part the lead department declared unnecessary in its feedback.
    case waived

    public var chineseName: String {
        switch self {
        case .dispatched: "待签收"
        case .signed: "办理中"
        case .done: "已完成"
        case .waived: "已免除"
        }
    }

    /// Whether the part no longer holds up the lead's feedback.
    public var isSettled: Bool {
        switch self {
        case .done, .waived: true
        case .dispatched, .signed: false
        }
    }
}
