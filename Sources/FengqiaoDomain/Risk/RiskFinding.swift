import Foundation

/// A situation a rule found: which rule, how serious, the subject it is about (the same subject is the same
/// situation, so it never raises a second warning while one is open), what was measured and which cases.
public struct RiskFinding: Sendable, Hashable, Codable {
    public var rule: RiskRuleKind
    public var level: RiskLevel
    /// Stable within a situation, e.g. `cluster|labourWages|org:12`; the warning's de-duplication key.
    public var subject: String
    /// One line for people: 「群发:近30天针对同一对象的「拖欠工资」案件 6 件」.
    public var summary: String
    public var measures: [RiskMeasure]
    /// The cases that triggered it, oldest first.
    public var caseIds: [Int64]
    /// The areas of its cases, distinct and sorted (the service files the warning under their nearest common area).
    public var areaCodes: [String]

    public init(
        rule: RiskRuleKind, level: RiskLevel, subject: String, summary: String, measures: [RiskMeasure],
        caseIds: [Int64], areaCodes: [String]
    ) {
        self.rule = rule
        self.level = level
        self.subject = subject
        self.summary = summary
        self.measures = measures
        self.caseIds = caseIds
        self.areaCodes = areaCodes
    }

    /// The explanation the warning page shows: the rule, each measured value against its threshold, the cases.
    public var explanation: String {
        "【\(rule.chineseName)·\(level.chineseName)】\(summary)。" + measures.map(\.text).joined(separator: ";")
            + "。涉及案件 \(caseIds.count) 件。"
    }

    /// The nearest area holding all its cases: their codes' longest common prefix, cut back to the digits of an
    /// area level (市 4, 县 6, 镇 9, 村 12, 网格 15, 微网格 18) and padded with zeros to a full code (12 digits up
    /// to the village); the warning is filed and scoped there.
    public var filingArea: String {
        guard var common = areaCodes.first else { return "" }
        for code in areaCodes.dropFirst() {
            common = String(zip(common, code).prefix { $0 == $1 }.map(\.0))
        }
        let length = [18, 15, 12, 9, 6, 4].first { $0 <= common.count } ?? 0
        let cut = String(common.prefix(length))
        return cut + String(repeating: "0", count: max(0, 12 - cut.count))
    }
}
