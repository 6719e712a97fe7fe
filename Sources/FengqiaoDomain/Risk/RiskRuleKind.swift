import Foundation

/// The early-warning rules of 分析研判: each looks at the case stream in its own way.
public enum RiskRuleKind: String, Sendable, Codable, CaseIterable, ChineseNamedKind {
    /// 群发: several cases of one category against the same respondent within a window (e.g. unpaid wages at one company).
    case cluster
    /// 多发: several cases of one category at the same grid, or at the same address, within a window.
    case hotspot
    /// 突发: today's count for an area and category above its baseline (mean + k·σ of the same weekday).
    case surge
    /// 涉众: many people or a large amount involved in one case.
    case mass
    /// 重复: the same person raising several cases or petitions within a window.
    case repeated
    /// 敏感词: words from the lexicon in a new case's text.
    case keyword
    /// 重点人员: a case involving a person with a sensitive tag.
    case keyPerson

    public static let kindLabel = "预警规则"

    public var chineseName: String {
        switch self {
        case .cluster: "群发"
        case .hotspot: "多发"
        case .surge: "突发"
        case .mass: "涉众"
        case .repeated: "重复反映"
        case .keyword: "敏感词"
        case .keyPerson: "重点人员"
        }
    }
}
