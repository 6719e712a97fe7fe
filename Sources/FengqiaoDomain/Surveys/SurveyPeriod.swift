import Foundation

/// A two-month survey window (每两月一期) in China time, `[start, end)`: period 1 is January–February, 6 is
/// November–December.
public struct SurveyPeriod: Sendable, Hashable, Codable {
    public var year: Int
    /// 1…6.
    public var number: Int
    public var start: Date
    public var end: Date

    /// Nil when `number` is not 1…6 or the year is outside 2000…2100.
    public init?(year: Int, number: Int) {
        guard (2000...2100).contains(year), (1...6).contains(number) else { return nil }
        let calendar = ChinaTime.calendar
        guard let start = calendar.date(from: DateComponents(year: year, month: (number - 1) * 2 + 1, day: 1)),
              let end = calendar.date(byAdding: .month, value: 2, to: start)
        else { return nil }
        (self.year, self.number, self.start, self.end) = (year, number, start, end)
    }

    /// The year and number of the period `date` falls in.
    public static func numbered(containing date: Date) -> (year: Int, number: Int) {
        let parts = ChinaTime.calendar.dateComponents([.year, .month], from: date)
        return (parts.year ?? 2000, ((parts.month ?? 1) - 1) / 2 + 1)
    }

    public func contains(_ date: Date) -> Bool { start <= date && date < end }

    /// `2026年第6期`.
    public var label: String { "\(year)年第\(number)期" }

    /// `2026年11月—12月`.
    public var months: String { "\(year)年\((number - 1) * 2 + 1)月—\(number * 2)月" }

    /// The first and the last day, `yyyy-MM-dd`.
    public var firstDay: String { ChinaTime.dayString(start) }
    public var lastDay: String { ChinaTime.dayString(end.addingTimeInterval(-1)) }

    /// The default title of a round of this period.
    public var defaultTitle: String { "\(year)年第\(number)期群众安全感满意度电话调查" }
}
