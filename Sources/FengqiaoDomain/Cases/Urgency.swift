import Foundation

/// 一般 / 紧急 / 特急.
public enum Urgency: String, Sendable, Codable, CaseIterable {
    case normal, urgent, critical

    public var chineseName: String {
        switch self {
        case .normal: "一般"
        case .urgent: "紧急"
        case .critical: "特急"
        }
    }
}
