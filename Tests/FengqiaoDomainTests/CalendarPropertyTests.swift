import FengqiaoDomain
import Foundation
import PropertyBased
import Testing

/// Invariants of the calendar and the clocks over random instants, limits and pauses (late 2024 to
/// early 2027, so the official schedules and the unscheduled years around them are both crossed).
@Suite struct CalendarPropertyTests {
    static let calendar = BusinessCalendar.official
    /// 2024-12-01 00:00 and 2027-01-31 00:00, Beijing time, in Unix seconds.
    static let first = 1_732_982_400
    static let last = 1_801_411_200
    static let instant = Gen.int(in: first...last)
    static let hour = 3600
    /// A pause as (offset from the clock's start, length; 0 = still open), offsets from before the start on.
    static let pauses = zip(Gen.int(in: -2 * 86_400...40 * 86_400), Gen.int(in: 0...5 * 86_400)).array(of: 0...4)
    static let limit = zip(Gen.int(in: 0...3), Gen.int(in: 1...70)).map { unit, amount -> ClockLimit in
        switch unit {
        case 0: .workingDays(amount)
        case 1: .workingHours(amount)
        case 2: .calendarDays(amount)
        default: .minutes(amount * 97)
        }
    }

    static func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    static func clock(_ start: Int, _ limit: ClockLimit, _ pauses: [(Int, Int)], stop: Int?, fixed: Int? = nil)
        -> StageClock
    {
        StageClock(
            kind: .handling, limit: limit, startedAt: date(start), stoppedAt: stop.map(date),
            pauses: pauses.map { offset, length in
                ClockPause(
                    reason: .requesterUnreachable, start: date(start + offset),
                    end: length == 0 ? nil : date(start + offset + length))
            }, fixedDeadline: fixed.map(date))
    }

    /// Clocks that end at a named instant (a dispatcher's deadline, a whistle's check-in time): never
    /// negative, paused time excluded, and the deadline is the instant moved on by the wall-clock time
    /// paused before it.
    @Test func fixedDeadlinesExcludePausedTimeAndNeverGoNegative() async {
        await propertyCheck(
            count: 300, input: Self.instant, Gen.int(in: -86_400...30 * 86_400), Self.pauses, Gen.int(in: -86_400...60 * 86_400)
        ) { start, span, pauses, later in
            let at = Self.date(start + later)
            let due = Self.date(start + span)
            var paused = StageClock.ending(at: due, kind: .checkIn, startedAt: Self.date(start))
            paused.pauses = Self.clock(start, .minutes(1), pauses, stop: nil).pauses
            let unpaused = StageClock.ending(at: due, kind: .checkIn, startedAt: Self.date(start))
            let elapsed = paused.elapsed(at: at, calendar: Self.calendar)
            #expect(elapsed >= 0)
            #expect(paused.budget(calendar: Self.calendar) == TimeInterval(max(0, span)))
            #expect(
                elapsed + paused.pausedTime(at: at, calendar: Self.calendar)
                    == unpaused.elapsed(at: at, calendar: Self.calendar))
            #expect(unpaused.deadline(at: at, calendar: Self.calendar) == max(due, Self.date(start)))
            #expect(paused.deadline(at: at, calendar: Self.calendar) >= unpaused.deadline(at: at, calendar: Self.calendar))
            switch paused.status(at: at, calendar: Self.calendar) {
            case .overdue: #expect(at > paused.deadline(at: at, calendar: Self.calendar))
            case .running, .warning: #expect(at <= paused.deadline(at: at, calendar: Self.calendar))
            case .stopped: Issue.record("no stop was set")
            }
        }
    }

    @Test func elapsedIsNeverNegativeAndPausesOnlyTakeAway() async {
        await propertyCheck(
            count: 300, input: Self.instant, Self.limit, Self.pauses, Gen.int(in: -86_400...80 * 86_400)
        ) { start, limit, pauses, later in
            let at = Self.date(start + later)
            let stop = later % 3 == 0 ? start + later / 2 - 86_400 : nil
            let paused = Self.clock(start, limit, pauses, stop: stop)
            let unpaused = Self.clock(start, limit, [], stop: stop)
            let elapsed = paused.elapsed(at: at, calendar: Self.calendar)
            #expect(elapsed >= 0)
            #expect(elapsed <= unpaused.elapsed(at: at, calendar: Self.calendar))
            #expect(paused.pausedTime(at: at, calendar: Self.calendar) >= 0)
            #expect(
                elapsed + paused.pausedTime(at: at, calendar: Self.calendar)
                    == unpaused.elapsed(at: at, calendar: Self.calendar))
            #expect(
                paused.deadline(at: at, calendar: Self.calendar) >= unpaused.deadline(at: at, calendar: Self.calendar))
        }
    }

    @Test func statusAgreesWithDeadlineAndFraction() async {
        await propertyCheck(count: 300, input: Self.instant, Self.limit, Self.pauses, Gen.int(in: 0...80 * 86_400)) {
            start, limit, pauses, later in
            let at = Self.date(start + later)
            let clock = Self.clock(start, limit, pauses, stop: nil)
            let deadline = clock.deadline(at: at, calendar: Self.calendar)
            let fraction = clock.fraction(at: at, calendar: Self.calendar)
            switch clock.status(at: at, calendar: Self.calendar) {
            case .overdue: #expect(at > deadline)
            case .warning(let f):
                #expect(at <= deadline)
                #expect(f >= 0.8 - 1e-12 && f <= 1)
                #expect(f == fraction)
            case .running(let f):
                #expect(at <= deadline)
                #expect(f >= 0 && f < 0.8)
            case .stopped: Issue.record("no stop was set")
            }
        }
    }

    @Test func deadlinesAreMonotoneInTheAmount() async {
        await propertyCheck(count: 300, input: Self.instant, Gen.int(in: 0...60)) { start, n in
            let from = Self.date(start)
            for make in [ClockLimit.workingDays, ClockLimit.workingHours, ClockLimit.calendarDays, ClockLimit.minutes] {
                let shorter = Self.calendar.deadline(adding: make(n), from: from)
                let longer = Self.calendar.deadline(adding: make(n + 1), from: from)
                #expect(shorter >= from)
                if case .calendarDays = make(n) { #expect(shorter <= longer) } else { #expect(shorter < longer) }
            }
        }
    }

    /// Adding n working hours and measuring the working time back gives n hours; the working time of
    /// a span equals a day-by-day sum made from `isWorkingDay` alone, and splits additively.
    @Test func workingTimeMatchesADayByDayCount() async {
        await propertyCheck(count: 300, input: Self.instant, Gen.int(in: 0...40 * 86_400), Gen.int(in: 0...100)) {
            start, length, split in
            let a = Self.date(start)
            let b = Self.date(start + length)
            let middle = Self.date(start + length * split / 100)
            let total = Self.calendar.workingTime(from: a, to: b)
            #expect(total == Self.dayByDay(from: start, to: start + length))
            #expect(
                total == Self.calendar.workingTime(from: a, to: middle) + Self.calendar.workingTime(from: middle, to: b)
            )
            let hours = length % 90
            let due = Self.calendar.deadline(adding: .workingHours(hours), from: a)
            #expect(Self.calendar.workingTime(from: a, to: due) == TimeInterval(hours * Self.hour))
            #expect(hours == 0 || Self.calendar.isWithinWorkingHours(due.addingTimeInterval(-1)))
        }
    }

    @Test func civilDatesMatchChinaTime() async {
        await propertyCheck(count: 300, input: Gen.int(in: 946_684_800...4_102_444_799)) { seconds in
            let date = Self.date(seconds)
            let day = CivilDate(containing: date)
            #expect(day.description == ChinaTime.dayString(date))
            #expect(CivilDate(dayNumber: day.dayNumber) == day)
            #expect(CivilDate(day.description) == day)
            #expect(day.start <= date && date < day.adding(days: 1).start)
        }
    }

    /// Working seconds in [from, to) summed day by day from the default periods, independently of the
    /// calendar's closed-form count.
    static func dayByDay(from: Int, to: Int) -> TimeInterval {
        let periods = [(8 * 3600 + 1800, 12 * 3600), (14 * 3600 + 1800, 17 * 3600 + 1800)]
        var total = 0
        var dayStart = CivilDate(containing: date(from)).start
        while Int(dayStart.timeIntervalSince1970) < to {
            let base = Int(dayStart.timeIntervalSince1970)
            if calendar.isWorkingDay(containing: dayStart) {
                for (s, e) in periods { total += max(0, min(base + e, to) - max(base + s, from)) }
            }
            dayStart = dayStart.addingTimeInterval(86_400)
        }
        return TimeInterval(total)
    }
}
