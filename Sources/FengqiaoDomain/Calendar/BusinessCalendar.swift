import Foundation

/// Which days are working days and when working time runs, in Beijing time whatever the machine's
/// time zone: the statutory holidays and make-up working days of each scheduled year
/// (`HolidaySchedule`), the week for every other day, and the office hours (`WorkingHours`).
///
/// For a year without a schedule Monday to Friday are working days; `hasSchedule(for:)` tells the UI
/// to warn that the year's holidays are not entered yet. Times are computed in whole seconds (an
/// instant's fraction of a second is dropped), which is finer than the minute resolution the jobs
/// module reports. Counting working days uses a closed form over the week plus the schedules'
/// exceptions, so the cost does not grow with the length of a period.
public struct BusinessCalendar: Sendable {
    public let workingHours: WorkingHours
    /// The schedules by year; when two were given for one year the later one in the list is kept.
    public let schedules: [Int: HolidaySchedule]

    enum DayRule: Sendable, Equatable {
        case holiday(String)
        case makeUp(String)
    }

    let rules: [Int: DayRule]
    /// Days whose rule differs from the week (a weekday holiday: -1, a weekend make-up day: +1), sorted,
    /// with running sums so that a range's count is two binary searches.
    private let exceptionDays: [Int]
    private let exceptionSums: [Int]
    /// Working periods in seconds after midnight, and their total.
    let periods: [(start: Int64, end: Int64)]
    let secondsPerWorkingDay: Int64

    /// Builds a calendar from schedules that passed `HolidaySchedule.validate()`. Should schedules
    /// still disagree about a day, the schedule of the later year decides, and within one schedule a
    /// holiday day wins over a make-up day (the requester never loses time to a data error).
    public init(schedules: [HolidaySchedule], workingHours: WorkingHours = .standard) {
        self.workingHours = workingHours
        var byYear: [Int: HolidaySchedule] = [:]
        for schedule in schedules { byYear[schedule.year] = schedule }
        self.schedules = byYear
        var rules: [Int: DayRule] = [:]
        for year in byYear.keys.sorted() {
            guard let schedule = byYear[year] else { continue }
            for holiday in schedule.holidays {
                for day in holiday.makeUpWorkdays { rules[day.dayNumber] = .makeUp(holiday.name) }
            }
            for holiday in schedule.holidays {
                for day in holiday.days { rules[day.dayNumber] = .holiday(holiday.name) }
            }
        }
        self.rules = rules
        var days: [Int] = []
        var sums: [Int] = [0]
        for (day, rule) in rules.sorted(by: { $0.key < $1.key }) {
            let weekend = CivilDate(dayNumber: day).isWeekend
            let delta =
                switch rule {
                case .holiday: weekend ? 0 : -1
                case .makeUp: weekend ? 1 : 0
                }
            guard delta != 0 else { continue }
            days.append(day)
            sums.append((sums.last ?? 0) + delta)
        }
        self.exceptionDays = days
        self.exceptionSums = sums
        self.periods = workingHours.periods.map { (Int64($0.startMinute) * 60, Int64($0.endMinute) * 60) }
        self.secondsPerWorkingDay = Int64(workingHours.minutesPerDay) * 60
    }

    /// The shipped 2025 and 2026 schedules with the standard hours.
    public static let official = BusinessCalendar(schedules: HolidaySchedule.official)

    // MARK: Days

    /// Whether the holidays of `year` are known; without them only weekends are rest days.
    public func hasSchedule(for year: Int) -> Bool { schedules[year] != nil }

    public var scheduledYears: [Int] { schedules.keys.sorted() }

    public func isWorkingDay(_ day: CivilDate) -> Bool { isWorkingDay(day.dayNumber) }

    /// Whether the Beijing day on which `date` falls is a working day.
    public func isWorkingDay(containing date: Date) -> Bool { isWorkingDay(CivilDate(containing: date)) }

    /// The holiday the day belongs to, e.g. 春节; nil on other days.
    public func holidayName(on day: CivilDate) -> String? {
        if case .holiday(let name) = rules[day.dayNumber] { return name }
        return nil
    }

    /// The holiday whose make-up working day this is (a weekend day worked), or nil.
    public func makeUpHolidayName(on day: CivilDate) -> String? {
        if case .makeUp(let name) = rules[day.dayNumber] { return name }
        return nil
    }

    /// Whether `date` is inside a working period of a working day.
    public func isWithinWorkingHours(_ date: Date) -> Bool {
        let local = CivilDate.chinaSeconds(date)
        let day = Int(CivilDate.floorDiv(local, CivilDate.secondsPerDay))
        let offset = CivilDate.floorMod(local, CivilDate.secondsPerDay)
        return isWorkingDay(day) && periods.contains { $0.start <= offset && offset < $0.end }
    }

    /// The first working day after `day`.
    public func nextWorkingDay(after day: CivilDate) -> CivilDate {
        CivilDate(dayNumber: workingDay(number: 1, after: day.dayNumber))
    }

    /// Working days from `first` through `last`, both included; 0 when `last` is before `first`.
    public func workingDayCount(from first: CivilDate, through last: CivilDate) -> Int {
        workingDayCount(first.dayNumber, last.dayNumber + 1)
    }

    func isWorkingDay(_ day: Int) -> Bool {
        switch rules[day] {
        case .holiday: false
        case .makeUp: true
        case nil: Self.weekdayCount(day, day + 1) == 1
        }
    }

    /// Working days in the half-open range of day numbers.
    func workingDayCount(_ first: Int, _ end: Int) -> Int {
        guard end > first else { return 0 }
        return Self.weekdayCount(first, end) + exceptionSum(before: end) - exceptionSum(before: first)
    }

    /// The `number`-th working day after `day` (number ≥ 1; smaller numbers count as 1).
    func workingDay(number: Int, after day: Int) -> Int {
        let wanted = max(1, min(number, 10_000_000))
        var low = day + 1
        var high = day + wanted + 7
        while workingDayCount(day + 1, high + 1) < wanted { high += high - day }
        while low < high {
            let middle = low + (high - low) / 2
            if workingDayCount(day + 1, middle + 1) >= wanted { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Monday to Friday in the half-open range of day numbers (day 0, 1970-01-01, was a Thursday).
    static func weekdayCount(_ first: Int, _ end: Int) -> Int {
        func upTo(_ day: Int) -> Int {
            let sinceMonday = Int64(day) + 3
            let weeks = CivilDate.floorDiv(sinceMonday, 7)
            return Int(5 * weeks + min(CivilDate.floorMod(sinceMonday, 7), 5))
        }
        return upTo(end) - upTo(first)
    }

    private func exceptionSum(before day: Int) -> Int {
        var low = 0
        var high = exceptionDays.count
        while low < high {
            let middle = (low + high) / 2
            if exceptionDays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return exceptionSums[low]
    }
}
