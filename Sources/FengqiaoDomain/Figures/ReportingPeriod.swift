import Foundation

/// The days a figure counts (统计期间): from `first` through `last`, Beijing days, both included.
public struct ReportingPeriod: Sendable, Hashable, Codable {
    public let first: CivilDate
    public let last: CivilDate

    /// The longest period a table covers: a year (leap years included).
    public static let longestDays = 366

    public init?(first: CivilDate, last: CivilDate) {
        guard first <= last, last.dayNumber - first.dayNumber < Self.longestDays else { return nil }
        self.first = first
        self.last = last
    }

    /// The month holding `day`, through `day` (本月至今).
    public static func monthToDate(_ day: CivilDate) -> ReportingPeriod {
        let first = CivilDate(year: day.year, month: day.month, day: 1) ?? day
        return ReportingPeriod(first: first, last: day) ?? ReportingPeriod(unchecked: day, day)
    }

    private init(unchecked first: CivilDate, _ last: CivilDate) {
        self.first = first
        self.last = last
    }

    /// The instants inside, as a half-open range of milliseconds: [start of `first`, start of the day after `last`).
    public var milliseconds: Range<Int64> {
        Int64((first.start.timeIntervalSince1970 * 1000).rounded())..<Int64((last.adding(days: 1).start.timeIntervalSince1970 * 1000).rounded())
    }

    /// `2026-11-01 至 2026-11-24`.
    public var chineseName: String { "\(first) 至 \(last)" }

    /// The period named by the form's `from` and `to` (`yyyy-MM-dd`); month to date of `today` when both are
    /// left out. Lists every problem.
    public static func parse(from: String?, to: String?, today: CivilDate) throws(DomainError) -> ReportingPeriod {
        let fromText = InputRules.text(from), toText = InputRules.text(to)
        if fromText == nil, toText == nil { return monthToDate(today) }
        var errors: [FieldError] = []
        let first = CivilDate.field(fromText, field: "from", label: "开始日期", errors: &errors)
        let last = CivilDate.field(toText, field: "to", label: "结束日期", errors: &errors)
        guard let first, let last else { throw .validation(errors) }
        guard first <= last else {
            throw .validation([FieldError(field: "to", code: "before_start", message: "结束日期不能早于开始日期")])
        }
        guard let period = ReportingPeriod(first: first, last: last) else {
            throw .validation([FieldError(field: "to", code: "too_long", message: "统计期间最长\(longestDays)天")])
        }
        return period
    }
}
