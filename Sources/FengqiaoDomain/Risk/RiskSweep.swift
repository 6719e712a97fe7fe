import Foundation

/// The full scan: every group the given cases form, each evaluated with all its cases, as of one instant. The
/// nightly scan runs it over the recent cases; the incremental one evaluates only the groups of new cases, with
/// `RiskRules.evaluate` on the same groups, so both agree.
public enum RiskSweep {
    /// - Parameters:
    ///   - history: for a 突发 group, the counts on the same weekday in earlier weeks.
    ///   - book: the rule book in force for a case's area.
    public static func findings(
        in facts: [RiskCaseFact], asOf: Int64, book: (RiskCaseFact) -> RiskRuleBook,
        history: (RiskGroupKey) -> [Int], name: (String) -> String = { $0 }
    ) -> [RiskFinding] {
        var members: [RiskGroupKey: [RiskCaseFact]] = [:]
        var books: [RiskGroupKey: RiskRuleBook] = [:]
        var order: [RiskGroupKey] = []
        for fact in facts where fact.reportedAt <= asOf {
            let rules = book(fact)
            for key in RiskGroupKey.groups(of: fact, book: rules) {
                if members[key] == nil {
                    order.append(key)
                    books[key] = rules
                }
                members[key, default: []].append(fact)
            }
        }
        return order.compactMap { key in
            guard let group = members[key], let rules = books[key] else { return nil }
            return RiskRules.evaluate(key, facts: group, asOf: asOf, book: rules, history: history(key), name: name)
        }
    }

    /// For a 突发 group, the same weekday's counts in the `weeks` weeks before its day, from `count(area, category,
    /// day)`; empty for other groups.
    public static func weekdayHistory(
        of key: RiskGroupKey, weeks: Int, count: (_ area: String, _ category: String, _ day: String) -> Int
    ) -> [Int] {
        guard case .surge(let area, let category, let day) = key, let days = previousWeekdays(of: day, weeks: weeks) else {
            return []
        }
        return days.map { count(area, category, $0) }
    }

    /// `yyyy-MM-dd` days 7, 14, … 7·weeks days before `day`.
    public static func previousWeekdays(of day: String, weeks: Int) -> [String]? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        else { return nil }
        return (1...max(weeks, 1)).compactMap { week in
            calendar.date(byAdding: .day, value: -7 * week, to: date).map { earlier in
                let c = calendar.dateComponents([.year, .month, .day], from: earlier)
                return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
            }
        }
    }
}
