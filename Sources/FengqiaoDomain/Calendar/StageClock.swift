import Foundation

/// The clock of one stage of one case for one owner: when it started, when it stopped, its limit, any
/// extension granted, and the stretches in which it was paused.
///
/// Everything is computed as of an instant `at`, from what had happened by then; the rules are pure
/// functions of the value and a `BusinessCalendar`:
/// - *elapsed* is the time the limit counts (working time for working-day and working-hour limits,
///   wall-clock time for calendar-day limits) from the start to `at` or the stop, whichever is
///   earlier, less the paused part. It is never negative: a stop or an `at` before the start, pauses
///   outside the clock, and overlapping pauses are clipped and merged first.
/// - *budget* is that same time from the start to the unpaused deadline
///   (`BusinessCalendar.deadline(adding:from:)`, or `fixedDeadline` when a person set one).
/// - the *deadline* is the earliest instant at which elapsed reaches the budget, so every paused piece
///   of counted time moves it on by as much; a pause still open at `at` counts as ending at `at`. A
///   pause that begins after the budget is spent does not move it back.
public struct StageClock: Sendable, Hashable, Codable {
    public var kind: ClockKind
    public var owner: ClockOwner
    public var limit: ClockLimit
    /// Time added by approved extensions (延期), in the limit's unit; nil when none was granted.
    public var extensionGranted: ClockLimit?
    public var startedAt: Date
    public var stoppedAt: Date?
    public var pauses: [ClockPause]
    /// The unpaused deadline when a person named the instant rather than a limit (a dispatcher's
    /// handling deadline, a whistle's check-in time); nil when it follows from `limit`. The clock then
    /// counts wall-clock time, and `limit` (whole minutes, rounded up) only describes it; an extension
    /// is added after this instant.
    public var fixedDeadline: Date?

    public init(
        kind: ClockKind, owner: ClockOwner = .wholeCase, limit: ClockLimit, startedAt: Date, stoppedAt: Date? = nil,
        pauses: [ClockPause] = [], extensionGranted: ClockLimit? = nil, fixedDeadline: Date? = nil
    ) {
        self.kind = kind
        self.owner = owner
        self.limit = limit
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.pauses = pauses
        self.extensionGranted = extensionGranted
        self.fixedDeadline = fixedDeadline
    }

    /// A clock that runs from `startedAt` until exactly `deadline` in wall-clock time (never before its
    /// start), its limit the span in whole minutes, rounded up.
    public static func ending(
        at deadline: Date, kind: ClockKind, owner: ClockOwner = .wholeCase, startedAt: Date
    ) -> StageClock {
        let span = max(0, CivilDate.unixSeconds(deadline) - CivilDate.unixSeconds(startedAt))
        let minutes = Int(min((span + 59) / 60, Int64(Int32.max)))
        return StageClock(kind: kind, owner: owner, limit: .minutes(minutes), startedAt: startedAt,
                          fixedDeadline: max(deadline, startedAt))
    }

    /// The limit with any granted extension added.
    public var effectiveLimit: ClockLimit { extensionGranted.flatMap(limit.adding) ?? limit }

    /// Working time for working-day and working-hour limits; wall-clock time otherwise and whenever
    /// the deadline was fixed by a person.
    public var countsWorkingTime: Bool { fixedDeadline == nil && effectiveLimit.countsWorkingTime }

    /// Counted time the stage may take (seconds of working time, or of wall-clock time for calendar days).
    public func budget(calendar: BusinessCalendar) -> TimeInterval { TimeInterval(budgetSeconds(calendar)) }

    /// Counted time used by `at`, without the paused part; never negative.
    public func elapsed(at date: Date, calendar: BusinessCalendar) -> TimeInterval {
        TimeInterval(elapsedSeconds(until: end(at: date), calendar))
    }

    /// Counted time spent paused by `at`.
    public func pausedTime(at date: Date, calendar: BusinessCalendar) -> TimeInterval {
        let end = end(at: date)
        return TimeInterval(pausedStretches(until: end).reduce(0) { $0 + measure($1.0, $1.1, calendar) })
    }

    /// The deadline as it stands at `at`: the unpaused deadline moved on by the counted time paused so far.
    public func deadline(at date: Date, calendar: BusinessCalendar) -> Date {
        BusinessCalendar.date(deadlineSeconds(until: end(at: date), calendar))
    }

    /// Elapsed time as a share of the budget (above 1 once overdue; 1 when the budget is empty).
    public func fraction(at date: Date, calendar: BusinessCalendar) -> Double {
        let budget = budgetSeconds(calendar)
        guard budget > 0 else { return 1 }
        return Double(elapsedSeconds(until: end(at: date), calendar)) / Double(budget)
    }

    /// Green under 80% of the budget, yellow from 80% until the deadline, red after it; once the clock
    /// stopped (and `at` is not before the stop), whether it stopped by the deadline.
    public func status(at date: Date, calendar: BusinessCalendar) -> ClockStatus {
        let end = end(at: date)
        let deadline = deadlineSeconds(until: end, calendar)
        if let stop = stoppedAt, CivilDate.unixSeconds(date) >= CivilDate.unixSeconds(stop) {
            return .stopped(onTime: end <= deadline)
        }
        if CivilDate.unixSeconds(date) > deadline { return .overdue }
        let budget = budgetSeconds(calendar)
        let elapsed = elapsedSeconds(until: end, calendar)
        let fraction = budget > 0 ? Double(elapsed) / Double(budget) : 1
        let yellow = elapsed * ClockStatus.warningDenominator >= budget * ClockStatus.warningNumerator
        return yellow ? .warning(fraction: fraction) : .running(fraction: fraction)
    }

    /// Whether a pause covers `at` (an open pause covers everything after its start).
    public func isPaused(at date: Date) -> Bool {
        let t = CivilDate.unixSeconds(date)
        return pauses.contains { pause in
            CivilDate.unixSeconds(pause.start) <= t && pause.end.map { t < CivilDate.unixSeconds($0) } ?? true
        }
    }

    /// The open pause, if the clock is paused now.
    public var openPause: ClockPause? { pauses.last { $0.end == nil } }

    // MARK: Whole seconds

    private var start: Int64 { CivilDate.unixSeconds(startedAt) }

    /// The instant up to which the clock has run by `at`: `at` or the stop, never before the start.
    private func end(at date: Date) -> Int64 {
        var end = CivilDate.unixSeconds(date)
        if let stop = stoppedAt { end = min(end, CivilDate.unixSeconds(stop)) }
        return max(end, start)
    }

    private func measure(_ from: Int64, _ to: Int64, _ calendar: BusinessCalendar) -> Int64 {
        countsWorkingTime ? calendar.workingSeconds(from, to) : max(0, to - from)
    }

    private func advance(_ seconds: Int64, from: Int64, _ calendar: BusinessCalendar) -> Int64 {
        countsWorkingTime ? calendar.advance(working: seconds, from: from) : from + max(0, seconds)
    }

    private func budgetSeconds(_ calendar: BusinessCalendar) -> Int64 {
        guard let fixed = fixedDeadline.map(CivilDate.unixSeconds) else {
            return measure(start, calendar.deadlineSeconds(adding: effectiveLimit, from: start), calendar)
        }
        let extra = extensionGranted.map { measure(fixed, calendar.deadlineSeconds(adding: $0, from: fixed), calendar) }
        return measure(start, fixed, calendar) + (extra ?? 0)
    }

    private func elapsedSeconds(until end: Int64, _ calendar: BusinessCalendar) -> Int64 {
        let paused = pausedStretches(until: end).reduce(0) { $0 + measure($1.0, $1.1, calendar) }
        return max(0, measure(start, end, calendar) - paused)
    }

    private func deadlineSeconds(until end: Int64, _ calendar: BusinessCalendar) -> Int64 {
        var remaining = budgetSeconds(calendar)
        var cursor = start
        for (pauseStart, pauseEnd) in pausedStretches(until: end) {
            let available = measure(cursor, pauseStart, calendar)
            if available >= remaining { break }
            remaining -= available
            cursor = pauseEnd
        }
        return advance(remaining, from: cursor, calendar)
    }

    /// The pauses begun by `end`, clipped to [start, end] (an open pause ends at `end`), sorted and merged.
    private func pausedStretches(until end: Int64) -> [(Int64, Int64)] {
        let clipped: [(Int64, Int64)] = pauses.compactMap { pause in
            let from = max(CivilDate.unixSeconds(pause.start), start)
            let to = min(pause.end.map(CivilDate.unixSeconds) ?? end, end)
            return to > from ? (from, to) : nil
        }
        var merged: [(Int64, Int64)] = []
        for stretch in clipped.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, stretch.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, stretch.1)
            } else {
                merged.append(stretch)
            }
        }
        return merged
    }
}
