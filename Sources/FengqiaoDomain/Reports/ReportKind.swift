import Foundation

/// The kinds of 综治中心 reports (工作报告): the scheduled 日报, 周报 and 月报, and the 专报 on a chosen topic.
public enum ReportKind: String, Sendable, Codable, CaseIterable {
    case daily, weekly, monthly, special

    public var chineseName: String {
        switch self {
        case .daily: "日报"
        case .weekly: "周报"
        case .monthly: "月报"
        case .special: "专报"
        }
    }

    /// The letters that start the kind's report numbers (RB-20261123-…).
    public var numberPrefix: String {
        switch self {
        case .daily: "RB"
        case .weekly: "ZB"
        case .monthly: "YB"
        case .special: "ZT"
        }
    }

    /// The period the kind covers around `day`: the day (日报), its Monday-to-Sunday week (周报), its month (月报);
    /// a 专报 covers `day` through `last`, at most `ReportingPeriod.longestDays`. Nil for a 专报 whose period is
    /// not a valid one.
    public func period(day: CivilDate, last: CivilDate? = nil) -> ReportingPeriod? {
        switch self {
        case .daily:
            return ReportingPeriod(first: day, last: day)
        case .weekly:
            let monday = day.adding(days: 1 - day.weekday)
            return ReportingPeriod(first: monday, last: monday.adding(days: 6))
        case .monthly:
            guard let first = CivilDate(year: day.year, month: day.month, day: 1) else { return nil }
            let next = first.month == 12 ? CivilDate(year: first.year + 1, month: 1, day: 1)
                : CivilDate(year: first.year, month: first.month + 1, day: 1)
            guard let next else { return nil }
            return ReportingPeriod(first: first, last: next.adding(days: -1))
        case .special:
            return ReportingPeriod(first: day, last: last ?? day)
        }
    }

    /// The scheduled reports due on `today` (Beijing): yesterday's 日报 every day, last week's 周报 on Mondays, last
    /// month's 月报 on the 1st.
    public static func due(on today: CivilDate) -> [(kind: ReportKind, period: ReportingPeriod)] {
        let yesterday = today.adding(days: -1)
        var due: [(ReportKind, ReportingPeriod)] = []
        if let p = ReportKind.daily.period(day: yesterday) { due.append((.daily, p)) }
        if today.weekday == 1, let p = ReportKind.weekly.period(day: yesterday) { due.append((.weekly, p)) }
        if today.day == 1, let p = ReportKind.monthly.period(day: yesterday) { due.append((.monthly, p)) }
        return due
    }
}
