import Foundation

/// A scored month or quarter in China time, `[start, end)`.
public struct AssessmentPeriod: Sendable, Hashable, Codable {
    public var kind: AssessmentPeriodKind
    public var year: Int
    /// The month (1…12) or the quarter (1…4).
    public var number: Int
    public var start: Date
    public var end: Date

    /// Nil when `number` is not a month or quarter, or the year is outside 2000…2100.
    public init?(_ kind: AssessmentPeriodKind, year: Int, number: Int) {
        let months = kind == .month ? 1 : 3
        guard (2000...2100).contains(year), (1...(kind == .month ? 12 : 4)).contains(number) else { return nil }
        let firstMonth = (number - 1) * months + 1
        let calendar = ChinaTime.calendar
        guard let start = calendar.date(from: DateComponents(year: year, month: firstMonth, day: 1)),
              let end = calendar.date(byAdding: .month, value: months, to: start)
        else { return nil }
        (self.kind, self.year, self.number, self.start, self.end) = (kind, year, number, start, end)
    }

    public func contains(_ date: Date) -> Bool { start <= date && date < end }

    /// The period before this one (for a ranking's movement).
    public var previous: AssessmentPeriod? {
        number > 1 ? AssessmentPeriod(kind, year: year, number: number - 1)
            : AssessmentPeriod(kind, year: year - 1, number: kind == .month ? 12 : 4)
    }

    /// The period's first and last day in China time.
    public var firstDay: CivilDate { CivilDate(containing: start) }
    public var lastDay: CivilDate { CivilDate(containing: end.addingTimeInterval(-1)) }

    /// The months of a quarter; a month itself.
    public var months: [AssessmentPeriod] {
        kind == .month ? [self] : (0..<3).compactMap { AssessmentPeriod(.month, year: year, number: (number - 1) * 3 + 1 + $0) }
    }

    /// The quarter a month lies in; a quarter itself.
    public var quarter: AssessmentPeriod? {
        kind == .quarter ? self : AssessmentPeriod(.quarter, year: year, number: (number - 1) / 3 + 1)
    }

    /// `2026年11月`, `2026年第4季度`.
    public var label: String { kind == .month ? "\(year)年\(number)月" : "\(year)年第\(number)季度" }

    /// `2026-11`, `2026-Q4`: how the period is named in addresses and storage.
    public var key: String { kind == .month ? String(format: "%04d-%02d", year, number) : "\(year)-Q\(number)" }

    /// Reads a `key`; nil when it is not one.
    public init?(key: String) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts[1].hasPrefix("Q"), parts[1].count == 2, let quarter = Int(parts[1].dropFirst()) {
            self.init(.quarter, year: year, number: quarter)
        } else if parts[1].count == 2, parts[1].allSatisfy(\.isNumber), let month = Int(parts[1]) {
            self.init(.month, year: year, number: month)
        } else {
            return nil
        }
    }
}
