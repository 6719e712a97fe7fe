import Foundation

/// A set of cases that a rule looks at together; the same key is the same situation.
public enum RiskGroupKey: Sendable, Hashable, Codable {
    /// 群发: one category against one respondent.
    case cluster(category: String, respondent: String)
    /// 多发: one category at one grid (any category at one grid is simply a busy grid).
    case hotspotGrid(grid: String, category: String)
    /// 多发 at one address (`RiskCaseFact.addressKey`).
    case hotspotAddress(String)
    /// 重复反映 by one applicant.
    case repeatApplicant(String)
    /// 突发: one area's cases of one category on one day.
    case surge(areaCode: String, category: String, day: String)
    /// 涉众, 敏感词 and 重点人员 are about one case.
    case single(rule: RiskRuleKind, caseId: Int64)

    public var rule: RiskRuleKind {
        switch self {
        case .cluster: .cluster
        case .hotspotGrid, .hotspotAddress: .hotspot
        case .repeatApplicant: .repeated
        case .surge: .surge
        case .single(let rule, _): rule
        }
    }

    /// The warning's de-duplication key.
    public var subject: String {
        switch self {
        case .cluster(let category, let respondent): "cluster|\(category)|\(respondent)"
        case .hotspotGrid(let grid, let category): "hotspot|grid|\(grid)|\(category)"
        case .hotspotAddress(let address): "hotspot|address|\(address)"
        case .repeatApplicant(let applicant): "repeat|\(applicant)"
        case .surge(let area, let category, let day): "surge|\(area)|\(category)|\(day)"
        case .single(let rule, let caseId): "\(rule.rawValue)|case|\(caseId)"
        }
    }

    /// The groups a new case belongs to, for the rules switched on in `book` (what incremental evaluation loads).
    public static func groups(of fact: RiskCaseFact, book: RiskRuleBook) -> [RiskGroupKey] {
        var keys: [RiskGroupKey] = []
        if book.cluster.enabled, let respondent = fact.respondentKey {
            keys.append(.cluster(category: fact.category, respondent: respondent))
        }
        if book.hotspot.enabled {
            if let grid = fact.gridCode { keys.append(.hotspotGrid(grid: grid, category: fact.category)) }
            if let address = fact.addressKey { keys.append(.hotspotAddress(address)) }
        }
        if book.repeated.enabled, let applicant = fact.applicantKey { keys.append(.repeatApplicant(applicant)) }
        if book.surge.enabled { keys.append(.surge(areaCode: fact.areaCode, category: fact.category, day: fact.reportedDay)) }
        for rule in [RiskRuleKind.mass, .keyword, .keyPerson] where book.isEnabled(rule) {
            keys.append(.single(rule: rule, caseId: fact.caseId))
        }
        return keys
    }

    /// Whether `fact` belongs to this group (the nightly scan groups all recent cases with it).
    public func contains(_ fact: RiskCaseFact) -> Bool {
        switch self {
        case .cluster(let category, let respondent): fact.category == category && fact.respondentKey == respondent
        case .hotspotGrid(let grid, let category): fact.gridCode == grid && fact.category == category
        case .hotspotAddress(let address): fact.addressKey == address
        case .repeatApplicant(let applicant): fact.applicantKey == applicant
        case .surge(let area, let category, let day): fact.areaCode == area && fact.category == category && fact.reportedDay == day
        case .single(_, let caseId): fact.caseId == caseId
        }
    }
}
