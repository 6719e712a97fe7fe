import Foundation

/// Where an indicator's values come from.
public enum IndicatorSource: Sendable, Hashable, Codable {
    /// One of the twelve built in: the case tally, concluded mediations, patrols and visits.
    case measured
    /// 人工填报: the assessor enters each unit's value for the period (a quarter without its own adds up its months').
    case reported
    /// A built-in case measure (`base`, its key) counted only for cases of one category (`category`, its code such as
    /// `dispute.labour`, and `categoryName` its name, 劳动争议) or of a whole kind (`dispute`, 矛盾纠纷), as the case
    /// stood when the fact was counted.
    case category(base: String, category: String, categoryName: String)

    /// Whether a case accepted as `kind` with `category` (the code or the name it was filed under) is counted by a
    /// `.category` source: the same kind, and for a category the same code or name.
    public func counts(kind: String, category: String) -> Bool {
        guard case .category(_, let code, let name) = self else { return false }
        guard let dot = code.firstIndex(of: ".") else { return kind == code }
        return kind == code[..<dot] && (category == code || category == name)
    }

    /// `矛盾纠纷 › 劳动争议` (a category) or `矛盾纠纷` (a whole kind), for the pages.
    public static func categoryLabel(code: String, name: String) -> String {
        guard let dot = code.firstIndex(of: "."), let kind = CaseKind(rawValue: String(code[..<dot])) else { return name }
        return "\(kind.chineseName) › \(name)"
    }
}
