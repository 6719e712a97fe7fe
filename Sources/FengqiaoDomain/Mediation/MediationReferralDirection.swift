import Foundation

/// Whether we send a dispute to a partner (转出) or a partner sends one to us (转入).
public enum MediationReferralDirection: String, Sendable, Codable, CaseIterable {
    case outgoing = "out", incoming = "in"

    public var chineseName: String {
        switch self {
        case .outgoing: "转出"
        case .incoming: "转入"
        }
    }
}
