import Foundation

/// The result of a review (复查) or re-review (复核) of a petition's handling.
public enum PetitionReviewResult: String, Sendable, Codable, CaseIterable {
    /// 维持: the earlier opinion stands.
    case upheld
    /// 撤销或变更: the earlier opinion is set aside or changed.
    case revised

    public var chineseName: String {
        switch self {
        case .upheld: "维持原处理意见"
        case .revised: "撤销或变更原处理意见"
        }
    }

    /// The result named by its code or in Chinese (`维持`, `撤销`, `变更`, or the full names).
    public init?(codeOrChineseName text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "upheld", "维持", "维持原处理意见": self = .upheld
        case "revised", "撤销", "变更", "撤销或变更", "撤销或变更原处理意见": self = .revised
        default: return nil
        }
    }
}
