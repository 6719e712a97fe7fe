import Foundation

/// 安全感: how safe the resident feels where they live.
public enum SafetyAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    case safe, fairlySafe = "fairly_safe", notVerySafe = "not_very_safe", unsafe, unsure

    public var chineseName: String {
        switch self {
        case .safe: "安全"
        case .fairlySafe: "比较安全"
        case .notVerySafe: "不太安全"
        case .unsafe: "不安全"
        case .unsure: "说不清"
        }
    }

    /// Counted in the numerator of 安全感.
    public var isPositive: Bool { self == .safe || self == .fairlySafe }
}
