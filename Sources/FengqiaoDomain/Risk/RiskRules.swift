import Foundation

/// The rules themselves: given a group of cases (and, for 突发, the same weekday's earlier counts), the finding
/// it amounts to, or nil. Incremental evaluation calls this for the groups of each new case
/// (`RiskGroupKey.groups(of:book:)`), the nightly scan for every group of recent cases; both get the same answer
/// for the same cases.
public enum RiskRules {
    static let dayMs: Int64 = 86_400_000

    /// - Parameters:
    ///   - facts: the group's cases (others are ignored); for window rules, those reported up to `asOf`.
    ///   - history: for 突发, the counts on the same weekday in the `surge.weeks` weeks before.
    ///   - name: a category, grid or area code's name for the summary (the code itself when unknown).
    ///   - total: for a group rule, how many cases the group holds in its window when `facts` are only its latest
    ///     ones (a large situation is judged by its count and linked by its latest cases); nil: all are in `facts`.
    public static func evaluate(
        _ group: RiskGroupKey, facts: [RiskCaseFact], asOf: Int64, book: RiskRuleBook, history: [Int] = [],
        name: (String) -> String = { $0 }, total: Int? = nil
    ) -> RiskFinding? {
        guard book.isEnabled(group.rule) else { return nil }
        let members = facts.filter { group.contains($0) && $0.reportedAt <= asOf }
        switch group {
        case .cluster(let category, _):
            return windowCount(group, rule: book.cluster, members: members, total: total, asOf: asOf) { days in
                "近\(days)天针对同一对象的「\(name(category))」案件"
            }
        case .hotspotGrid(let grid, let category):
            return windowCount(group, rule: book.hotspot, members: members, total: total, asOf: asOf) { days in
                "近\(days)天「\(name(grid))」网格内的「\(name(category))」案件"
            }
        case .hotspotAddress:
            return windowCount(group, rule: book.hotspot, members: members, total: total, asOf: asOf) { days in
                "近\(days)天同一地址「\(members.last?.address ?? "")」的案件"
            }
        case .repeatApplicant:
            return windowCount(group, rule: book.repeated, members: members, total: total, asOf: asOf) { days in
                "近\(days)天同一人反映的案件"
            }
        case .surge(let area, let category, _):
            return surge(group, rule: book.surge, members: members, total: total, history: history,
                         label: "「\(name(area))」当日「\(name(category))」案件")
        case .single(.mass, _):
            return members.first.flatMap { mass($0, group: group, rule: book.mass) }
        case .single(.keyword, _):
            return members.first.flatMap { keyword($0, group: group, rule: book.keyword) }
        case .single(.keyPerson, _):
            return members.first.flatMap { keyPerson($0, group: group, rule: book.keyPerson) }
        case .single:
            return nil
        }
    }

    static func windowCount(
        _ group: RiskGroupKey, rule: WindowCountRule, members: [RiskCaseFact], total: Int?, asOf: Int64,
        label: (Int) -> String
    ) -> RiskFinding? {
        let from = asOf - Int64(rule.windowDays) * dayMs
        let inWindow = members.filter { $0.reportedAt > from }.sorted { ($0.reportedAt, $0.caseId) < ($1.reportedAt, $1.caseId) }
        let count = Double(total ?? inWindow.count)
        guard let level = rule.bands.level(for: count) else { return nil }
        let measure = RiskMeasure(label: label(rule.windowDays), value: count, unit: "件", threshold: mark(rule.bands, level))
        return finding(group, level: level, summary: measure.label + " \(Int(count)) 件", measures: [measure], cases: inWindow)
    }

    static func surge(
        _ group: RiskGroupKey, rule: SurgeRule, members: [RiskCaseFact], total: Int?, history: [Int], label: String
    ) -> RiskFinding? {
        let count = total ?? members.count
        guard count >= rule.minimumCount else { return nil }
        let baseline = SurgeBaseline(history: history)
        let sigmas = baseline.sigmas(count)
        guard let level = rule.bands.level(for: sigmas) else { return nil }
        let measures = [
            RiskMeasure(label: label, value: Double(count), unit: "件", threshold: baseline.threshold(k: rule.bands.blue)),
            RiskMeasure(label: "前\(history.count)周同一星期几的平均", value: (baseline.mean * 10).rounded() / 10, unit: "件"),
            RiskMeasure(label: "高出均值", value: (sigmas * 10).rounded() / 10, unit: "个标准差", threshold: mark(rule.bands, level)),
        ]
        return finding(group, level: level, summary: "\(label) \(count) 件,明显高于基线", measures: measures,
                       cases: members.sorted { ($0.reportedAt, $0.caseId) < ($1.reportedAt, $1.caseId) })
    }

    static func mass(_ fact: RiskCaseFact, group: RiskGroupKey, rule: MassRule) -> RiskFinding? {
        let yuan = Double(fact.amountInvolved) / 100
        let byPeople = rule.peopleBands.level(for: Double(fact.peopleInvolved))
        let byAmount = rule.amountBands.level(for: yuan)
        guard let level = [byPeople, byAmount].compactMap({ $0 }).max() else { return nil }
        var measures: [RiskMeasure] = []
        if let byPeople {
            measures.append(RiskMeasure(label: "涉及人数", value: Double(fact.peopleInvolved), unit: "人",
                                        threshold: mark(rule.peopleBands, byPeople)))
        }
        if let byAmount {
            measures.append(RiskMeasure(label: "涉及金额", value: yuan.rounded(), unit: "元", threshold: mark(rule.amountBands, byAmount)))
        }
        let sizes = measures.map { "\($0.label) \(RiskMeasure.number($0.value)) \($0.unit)" }.joined(separator: "、")
        return finding(group, level: level, summary: "案件 \(fact.number) \(sizes)", measures: measures, cases: [fact])
    }

    static func keyword(_ fact: RiskCaseFact, group: RiskGroupKey, rule: KeywordRule) -> RiskFinding? {
        let found = rule.matches(in: fact.text)
        guard let level = found.first?.level else { return nil }
        let words = found.map { "「\($0.word)」" }.joined(separator: "、")
        return finding(group, level: level, summary: "案件 \(fact.number) 的内容含有敏感词 \(words)",
                       measures: [RiskMeasure(label: "命中敏感词", value: Double(found.count), unit: "个")], cases: [fact])
    }

    static func keyPerson(_ fact: RiskCaseFact, group: RiskGroupKey, rule: KeyPersonRule) -> RiskFinding? {
        let tagged = fact.personTags.compactMap { tag in rule.tags[tag].map { (tag, $0) } }
            .sorted { ($0.1, $1.0.rawValue) > ($1.1, $0.0.rawValue) }
        guard let level = tagged.first?.1 else { return nil }
        let names = tagged.map { $0.0.chineseName }.joined(separator: "、")
        return finding(group, level: level, summary: "案件 \(fact.number) 涉及重点人群(\(names))",
                       measures: [RiskMeasure(label: "涉及重点人群标签", value: Double(tagged.count), unit: "类")], cases: [fact])
    }

    static func mark(_ bands: RiskLevelBands, _ level: RiskLevel) -> Double? {
        bands.marks.first(where: { $0.level == level })?.from
    }

    static func finding(
        _ group: RiskGroupKey, level: RiskLevel, summary: String, measures: [RiskMeasure], cases: [RiskCaseFact]
    ) -> RiskFinding {
        RiskFinding(rule: group.rule, level: level, subject: group.subject, summary: summary, measures: measures,
                    caseIds: cases.map(\.caseId), areaCodes: Array(Set(cases.map(\.areaCode))).sorted())
    }
}
