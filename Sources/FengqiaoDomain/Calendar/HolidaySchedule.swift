import Foundation

/// One year's public holidays and make-up working days (调休上班) as the State Council's General
/// Office announces them each autumn (国务院办公厅关于某年部分节假日安排的通知). The platform ships the
/// official 2025 and 2026 schedules (`official2025`, `official2026`); administrators enter later years
/// as JSON in the same shape, checked by `validate()` before use.
///
/// A holiday's days are closed even when they fall on a weekday; its make-up days are working days even
/// though they fall on a weekend. Every other day follows the week: Monday to Friday work.
public struct HolidaySchedule: Sendable, Hashable, Codable {
    /// The year the notice is for. Its days lie in that year, except that a holiday (with its make-up
    /// days) may begin in the last week of the year before: the 2023 notice gave 元旦 as 2022-12-31 to 2023-01-02.
    public var year: Int
    public var holidays: [Holiday]
    /// Where the dates come from, so anyone can check them.
    public var source: Source

    public init(year: Int, holidays: [Holiday], source: Source) {
        self.year = year
        self.holidays = holidays
        self.source = source
    }

    /// One holiday of the notice: a run of closed days and the weekend days worked in exchange.
    public struct Holiday: Sendable, Hashable, Codable {
        /// As the notice names it: 春节, 劳动节, 国庆节、中秋节 …
        public var name: String
        public var firstDay: CivilDate
        public var lastDay: CivilDate
        /// Weekend days worked instead (调休上班), empty when the holiday is not swapped (不调休).
        public var makeUpWorkdays: [CivilDate]

        public init(name: String, firstDay: CivilDate, lastDay: CivilDate, makeUpWorkdays: [CivilDate] = []) {
            self.name = name
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.makeUpWorkdays = makeUpWorkdays
        }

        /// Every closed day, first to last; empty when the range is reversed.
        public var days: [CivilDate] {
            guard firstDay <= lastDay else { return [] }
            return (firstDay.dayNumber...lastDay.dayNumber).map(CivilDate.init(dayNumber:))
        }
    }

    /// The notice the schedule was copied from.
    public struct Source: Sendable, Hashable, Codable {
        /// The notice's title, e.g. 国务院办公厅关于2025年部分节假日安排的通知.
        public var title: String
        /// e.g. 国办发明电〔2024〕12号, when known.
        public var documentNumber: String?
        /// The day the notice was issued, when known.
        public var issued: CivilDate?
        /// The arrangement in the notice's words, for people checking the data against it.
        public var text: String

        public init(title: String, documentNumber: String? = nil, issued: CivilDate? = nil, text: String) {
            self.title = title
            self.documentNumber = documentNumber
            self.issued = issued
            self.text = text
        }
    }

    /// Every closed day of the year's holidays, in order.
    public var holidayDays: [CivilDate] { holidays.flatMap(\.days).sorted() }

    /// Every make-up working day, in order.
    public var makeUpWorkdays: [CivilDate] { holidays.flatMap(\.makeUpWorkdays).sorted() }
}
