import Foundation

extension BusinessCalendar {
    /// The instant a limit runs out when counted from `start` with nothing paused; `start` itself for an
    /// amount of 0 or less.
    ///
    /// - `.workingDays(n)`: the end of the last working period (17:30 by default) of the n-th working
    ///   day after `start`'s Beijing day. Why close of business rather than midnight: 民法典第二百零三条
    ///   ends a period at 24:00 but, "有业务时间的,停止业务活动的时间为截止时间", and the departments
    ///   counted here keep office hours. Friday 2026-02-13 17:00 + 3 working days: Saturday 02-14 is a
    ///   make-up working day (1), 02-15…02-23 is the Spring Festival, 02-24 (2), 02-25 (3) → 2026-02-25 17:30.
    /// - `.workingHours(n)`: the instant at which n hours of working time have passed since `start`;
    ///   time before the first period, over lunch, at night, at weekends and on holidays is skipped. A
    ///   count that ends exactly at a period's end gives that end (12:00, not 14:30).
    /// - `.calendarDays(n)`: 24:00 of the n-th day after `start`'s day, moved to 24:00 of the next
    ///   working day when that day is a weekend or holiday (民法典第二百零一条、第二百零三条).
    /// - `.minutes(n)`: n minutes of wall-clock time after `start`.
    public func deadline(adding limit: ClockLimit, from start: Date) -> Date {
        guard limit.amount > 0 else { return start }
        return Self.date(deadlineSeconds(adding: limit, from: CivilDate.unixSeconds(start)))
    }

    /// Working time between two instants, in whole seconds; 0 when `end` is not after `start`.
    public func workingTime(from start: Date, to end: Date) -> TimeInterval {
        TimeInterval(workingSeconds(CivilDate.unixSeconds(start), CivilDate.unixSeconds(end)))
    }

    /// Whole working minutes between two instants (rounded down); 0 when `end` is not after `start`.
    public func workingMinutes(from start: Date, to end: Date) -> Int {
        Int(workingSeconds(CivilDate.unixSeconds(start), CivilDate.unixSeconds(end)) / 60)
    }

    /// The earliest instant by which `seconds` of working time have passed since `start`; `start`
    /// itself for 0 or less.
    public func addingWorkingTime(_ seconds: TimeInterval, to start: Date) -> Date {
        guard seconds > 0 else { return start }
        let whole = seconds.isFinite ? Int64(min(seconds, 3e12).rounded(.up)) : Int64(3e12)
        return Self.date(advance(working: whole, from: CivilDate.unixSeconds(start)))
    }

    // MARK: Whole-second arithmetic (Unix seconds), shared with StageClock

    static func date(_ unixSeconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(unixSeconds)) }

    func deadlineSeconds(adding limit: ClockLimit, from start: Int64) -> Int64 {
        let startDay = Self.day(of: start)
        switch limit {
        case .workingDays(let n):
            guard n > 0, let last = periods.last else { return start }
            return Self.start(of: workingDay(number: n, after: startDay)) + last.end
        case .workingHours(let n):
            guard n > 0 else { return start }
            return advance(working: Int64(min(n, 10_000_000)) * 3600, from: start)
        case .calendarDays(let n):
            guard n > 0 else { return start }
            let last = startDay + min(n, 10_000_000)
            let ending = isWorkingDay(last) ? last : workingDay(number: 1, after: last)
            return Self.start(of: ending + 1)
        case .minutes(let n):
            guard n > 0 else { return start }
            return start + Int64(min(n, 100_000_000)) * 60
        }
    }

    /// Working seconds in [start, end).
    func workingSeconds(_ start: Int64, _ end: Int64) -> Int64 {
        guard end > start else { return 0 }
        let firstDay = Self.day(of: start)
        let lastDay = Self.day(of: end)
        let from = start - Self.start(of: firstDay)
        let to = end - Self.start(of: lastDay)
        if firstDay == lastDay { return isWorkingDay(firstDay) ? overlap(from, to) : 0 }
        let head = isWorkingDay(firstDay) ? overlap(from, CivilDate.secondsPerDay) : 0
        let tail = isWorkingDay(lastDay) ? overlap(0, to) : 0
        return head + Int64(workingDayCount(firstDay + 1, lastDay)) * secondsPerWorkingDay + tail
    }

    /// The earliest instant at which `seconds` (> 0) of working time have passed since `start`.
    func advance(working seconds: Int64, from start: Int64) -> Int64 {
        guard seconds > 0 else { return start }
        let firstDay = Self.day(of: start)
        var remaining = seconds
        if isWorkingDay(firstDay) {
            let offset = start - Self.start(of: firstDay)
            if let inDay = locate(remaining, after: offset) { return Self.start(of: firstDay) + inDay }
            remaining -= overlap(offset, CivilDate.secondsPerDay)
        }
        guard secondsPerWorkingDay > 0 else { return start }
        // Whole working days first, then the rest inside the day on which the count runs out.
        let days = (remaining + secondsPerWorkingDay - 1) / secondsPerWorkingDay
        let day = workingDay(number: Int(min(days, 10_000_000)), after: firstDay)
        remaining -= (days - 1) * secondsPerWorkingDay
        return Self.start(of: day) + (locate(remaining, after: 0) ?? CivilDate.secondsPerDay)
    }

    /// Working seconds of a working day inside [from, to), both seconds after midnight.
    private func overlap(_ from: Int64, _ to: Int64) -> Int64 {
        periods.reduce(0) { $0 + max(0, min($1.end, to) - max($1.start, from)) }
    }

    /// Seconds after midnight at which `seconds` of a working day's time after `offset` have passed,
    /// or nil when the rest of the day holds less.
    private func locate(_ seconds: Int64, after offset: Int64) -> Int64? {
        var remaining = seconds
        for period in periods {
            let begin = max(period.start, offset)
            guard period.end > begin else { continue }
            if period.end - begin >= remaining { return begin + remaining }
            remaining -= period.end - begin
        }
        return nil
    }

    static func day(of unixSeconds: Int64) -> Int {
        Int(CivilDate.floorDiv(unixSeconds + CivilDate.chinaOffsetSeconds, CivilDate.secondsPerDay))
    }

    static func start(of day: Int) -> Int64 { Int64(day) * CivilDate.secondsPerDay - CivilDate.chinaOffsetSeconds }
}
