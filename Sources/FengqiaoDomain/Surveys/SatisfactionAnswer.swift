import Foundation

/// 满意度: how satisfied the resident is with grassroots governance (or with how their case was handled).
public enum SatisfactionAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    case satisfied, fairlySatisfied = "fairly_satisfied", dissatisfied, unsure

    public var chineseName: String {
        switch self {
        case .satisfied: "满意"
        case .fairlySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        case .unsure: "说不清"
        }
    }

    /// Counted in the numerator of 满意度.
    public var isPositive: Bool { self == .satisfied || self == .fairlySatisfied }
}
