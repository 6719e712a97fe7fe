import FengqiaoDomain
import Foundation
import XCTest

/// Stage clocks: paused time excluded, the 80% warning, overdue, stopping, and nothing negative.
final class StageClockTests: XCTestCase {
    typealias F = CalendarFixtures
    let calendar = BusinessCalendar.official

    /// One working day from Monday 2025-03-03 09:00: due Tuesday 03-04 17:30; the budget is Monday's
    /// remaining 6 h plus Tuesday's 6.5 h.
    private func handling(pauses: [ClockPause] = []) -> StageClock {
        StageClock(
            kind: .handling, owner: .department(id: 7, role: .lead), limit: .workingDays(1),
            startedAt: F.beijing("2025-03-03 09:00"), pauses: pauses)
    }

    func testPausedWorkingTimeIsExcludedAndMovesTheDeadline() {
        let clock = handling(pauses: [
            ClockPause(
                reason: .requesterUnreachable, start: F.beijing("2025-03-03 10:00"), end: F.beijing("2025-03-03 11:00"))
        ])
        XCTAssertEqual(clock.budget(calendar: calendar), 12.5 * 3600)
        XCTAssertEqual(clock.elapsed(at: F.beijing("2025-03-03 12:00"), calendar: calendar), 2 * 3600)
        XCTAssertEqual(clock.pausedTime(at: F.beijing("2025-03-03 12:00"), calendar: calendar), 3600)
        XCTAssertEqual(handling().elapsed(at: F.beijing("2025-03-03 12:00"), calendar: calendar), 3 * 3600)
        // Tuesday 17:30 plus one working hour: Wednesday 09:30.
        XCTAssertEqual(
            clock.deadline(at: F.beijing("2025-03-04 12:00"), calendar: calendar), F.beijing("2025-03-05 09:30"))
        XCTAssertEqual(
            handling().deadline(at: F.beijing("2025-03-04 12:00"), calendar: calendar), F.beijing("2025-03-04 17:30"))
        XCTAssertEqual(
            clock.status(at: F.beijing("2025-03-04 18:00"), calendar: calendar), .warning(fraction: 41_400.0 / 45_000))
        XCTAssertEqual(handling().status(at: F.beijing("2025-03-04 18:00"), calendar: calendar), .overdue)
    }

    func testAPauseOutsideWorkingHoursChangesNothing() {
        let clock = handling(pauses: [
            ClockPause(
                reason: .requesterUnreachable, start: F.beijing("2025-03-03 18:00"), end: F.beijing("2025-03-04 08:00"))
        ])
        XCTAssertEqual(
            clock.deadline(at: F.beijing("2025-03-04 09:00"), calendar: calendar), F.beijing("2025-03-04 17:30"))
        XCTAssertEqual(clock.elapsed(at: F.beijing("2025-03-04 09:00"), calendar: calendar), 6.5 * 3600)
    }

    /// An open pause counts as ending now: paused Monday 16:30–17:30 and Tuesday 08:30–10:00 (2.5 h),
    /// so the deadline is Tuesday 17:30 + 2.5 working hours = Wednesday 11:00.
    func testAnOpenPauseCountsUntilNow() {
        let clock = handling(pauses: [ClockPause(reason: .extensionUnderReview, start: F.beijing("2025-03-03 16:30"))])
        let now = F.beijing("2025-03-04 10:00")
        XCTAssertEqual(clock.elapsed(at: now, calendar: calendar), 5 * 3600)
        XCTAssertEqual(clock.deadline(at: now, calendar: calendar), F.beijing("2025-03-05 11:00"))
        XCTAssertTrue(clock.isPaused(at: now))
        XCTAssertFalse(clock.isPaused(at: F.beijing("2025-03-03 16:00")))
        XCTAssertEqual(clock.openPause?.reason, .extensionUnderReview)
    }

    /// Pausing once the budget is spent does not turn red back to yellow.
    func testPausingAfterTheDeadlineDoesNotRescueIt() {
        let clock = StageClock(
            kind: .signFor, owner: .department(id: 7, role: .lead), limit: .workingHours(2),
            startedAt: F.beijing("2025-03-03 09:00"),
            pauses: [ClockPause(reason: .extensionUnderReview, start: F.beijing("2025-03-03 14:30"))])
        XCTAssertEqual(
            clock.deadline(at: F.beijing("2025-03-03 15:00"), calendar: calendar), F.beijing("2025-03-03 11:00"))
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-03 15:00"), calendar: calendar), .overdue)
    }

    /// 10 working hours from Monday 08:30: 8 h (80%) are used at Tuesday 10:00, all at Tuesday 12:00.
    func testTheWarningStartsAtEightyPercentAndRedAfterTheDeadline() {
        let clock = StageClock(kind: .handling, limit: .workingHours(10), startedAt: F.beijing("2025-03-03 08:30"))
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-03 08:30"), calendar: calendar), .running(fraction: 0))
        XCTAssertEqual(
            clock.status(at: F.beijing("2025-03-04 09:59:59"), calendar: calendar),
            .running(fraction: 28_799.0 / 36_000))
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-04 10:00"), calendar: calendar), .warning(fraction: 0.8))
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-04 12:00"), calendar: calendar), .warning(fraction: 1))
        XCTAssertEqual(
            clock.deadline(at: F.beijing("2025-03-04 12:00"), calendar: calendar), F.beijing("2025-03-04 12:00"))
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-04 12:00:01"), calendar: calendar), .overdue)
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-04 13:00"), calendar: calendar), .overdue)
        XCTAssertEqual(clock.fraction(at: F.beijing("2025-03-04 15:30"), calendar: calendar), 1.1, accuracy: 1e-9)
    }

    /// 信访 handling, 60 days from 2026-03-02 09:00: due 2026-05-07 00:00 (05-01 is a holiday); the
    /// budget is 65 days 15 hours, 80% of it is 52 days 12 hours; a five-day pause adds five days.
    func testCalendarDayClocksCountWallClockTime() {
        let clock = StageClock(kind: .handling, limit: .calendarDays(60), startedAt: F.beijing("2026-03-02 09:00"))
        XCTAssertEqual(clock.budget(calendar: calendar), (65 * 24 + 15) * 3600)
        XCTAssertEqual(
            clock.deadline(at: F.beijing("2026-03-02 09:00"), calendar: calendar), F.beijing("2026-05-07 00:00"))
        XCTAssertEqual(
            clock.status(at: F.beijing("2026-04-23 20:59:59"), calendar: calendar).colour, "green")
        XCTAssertEqual(clock.status(at: F.beijing("2026-04-23 21:00"), calendar: calendar), .warning(fraction: 0.8))
        XCTAssertEqual(clock.status(at: F.beijing("2026-05-07 00:00:01"), calendar: calendar), .overdue)

        var paused = clock
        paused.pauses = [
            ClockPause(
                reason: .awaitingSummonedDepartment, start: F.beijing("2026-03-10 00:00"),
                end: F.beijing("2026-03-15 00:00"))
        ]
        XCTAssertEqual(
            paused.deadline(at: F.beijing("2026-04-01 00:00"), calendar: calendar), F.beijing("2026-05-12 00:00"))
        XCTAssertEqual(paused.elapsed(at: F.beijing("2026-03-16 09:00"), calendar: calendar), 9 * 24 * 3600)
    }

    func testAStoppedClockReportsWhetherItWasOnTime() throws {
        var early = handling()
        try early.stop(at: F.beijing("2025-03-04 17:00"))
        XCTAssertEqual(early.status(at: F.beijing("2025-03-10 09:00"), calendar: calendar), .stopped(onTime: true))
        XCTAssertEqual(early.status(at: F.beijing("2025-03-04 16:00"), calendar: calendar).colour, "yellow")
        XCTAssertEqual(early.elapsed(at: F.beijing("2025-03-10 09:00"), calendar: calendar), 6 * 3600 + 6 * 3600)

        var late = handling()
        try late.stop(at: F.beijing("2025-03-05 09:00"))
        XCTAssertEqual(late.status(at: F.beijing("2025-03-05 09:00"), calendar: calendar), .stopped(onTime: false))
        XCTAssertEqual(late.status(at: F.beijing("2025-03-05 09:00"), calendar: calendar).colour, "red")
    }

    func testNothingGoesNegative() {
        // Stopped before it started (clock skew between writers).
        let backwards = StageClock(
            kind: .reply, limit: .workingDays(2), startedAt: F.beijing("2025-03-04 10:00"),
            stoppedAt: F.beijing("2025-03-03 10:00"))
        XCTAssertEqual(backwards.elapsed(at: F.beijing("2025-03-05 10:00"), calendar: calendar), 0)
        XCTAssertEqual(backwards.status(at: F.beijing("2025-03-05 10:00"), calendar: calendar), .stopped(onTime: true))
        // Asked about an instant before the start.
        let clock = handling()
        XCTAssertEqual(clock.elapsed(at: F.beijing("2025-03-01 10:00"), calendar: calendar), 0)
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-01 10:00"), calendar: calendar), .running(fraction: 0))
        // A pause from before the start that is still open; overlapping pauses; a pause ending before it begins.
        let odd = handling(pauses: [
            ClockPause(reason: .requesterUnreachable, start: F.beijing("2025-03-02 10:00")),
            ClockPause(
                reason: .requesterUnreachable, start: F.beijing("2025-03-03 10:00"),
                end: F.beijing("2025-03-03 09:00")),
        ])
        XCTAssertEqual(odd.elapsed(at: F.beijing("2025-03-05 10:00"), calendar: calendar), 0)
        let overlapping = handling(pauses: [
            ClockPause(
                reason: .requesterUnreachable, start: F.beijing("2025-03-03 10:00"),
                end: F.beijing("2025-03-03 11:00")),
            ClockPause(
                reason: .extensionUnderReview, start: F.beijing("2025-03-03 10:30"),
                end: F.beijing("2025-03-03 11:30")),
        ])
        XCTAssertEqual(overlapping.elapsed(at: F.beijing("2025-03-03 12:00"), calendar: calendar), 1.5 * 3600)
        XCTAssertEqual(overlapping.pausedTime(at: F.beijing("2025-03-03 12:00"), calendar: calendar), 1.5 * 3600)
    }

    func testPauseResumeAndStopRefuseWhatDoesNotFit() throws {
        var clock = handling()
        XCTAssertThrowsError(try clock.resume(at: F.beijing("2025-03-03 10:00"))) { error in
            XCTAssertEqual((error as? DomainError)?.code, "clock_not_paused")
        }
        try clock.pause(at: F.beijing("2025-03-03 10:00"), reason: .requesterUnreachable)
        XCTAssertThrowsError(try clock.pause(at: F.beijing("2025-03-03 10:30"), reason: .extensionUnderReview)) {
            error in
            XCTAssertEqual((error as? DomainError)?.code, "clock_already_paused")
            XCTAssertEqual((error as? DomainError)?.message, "办理计时已处于暂停状态")
        }
        // Resuming "before" the pause began (clock skew) closes it at its start.
        try clock.resume(at: F.beijing("2025-03-03 09:30"))
        XCTAssertEqual(clock.pauses.last?.end, F.beijing("2025-03-03 10:00"))
        try clock.pause(at: F.beijing("2025-03-03 11:00"), reason: .requesterUnreachable)
        try clock.stop(at: F.beijing("2025-03-03 11:30"))
        XCTAssertEqual(clock.pauses.last?.end, F.beijing("2025-03-03 11:30"))
        XCTAssertEqual(clock.elapsed(at: F.beijing("2025-03-04 12:00"), calendar: calendar), 2 * 3600)
        XCTAssertThrowsError(try clock.stop(at: F.beijing("2025-03-03 12:00"))) { error in
            XCTAssertEqual((error as? DomainError)?.code, "clock_stopped")
        }
        XCTAssertThrowsError(try clock.pause(at: F.beijing("2025-03-03 12:00"), reason: .requesterUnreachable)) {
            error in
            XCTAssertEqual((error as? DomainError)?.code, "clock_stopped")
        }
        XCTAssertThrowsError(try clock.grantExtension(.workingDays(1), maximum: nil)) { error in
            XCTAssertEqual((error as? DomainError)?.code, "clock_stopped")
        }
    }

    /// 信访: 60 working days + at most 30. From Monday 2026-03-02 the 60th working day (清明 04-04…06 and 劳动节
    /// 05-01…05 off, Saturday 05-09 worked) is Thursday 05-28, the 90th (端午 06-19…21 off) Friday 07-10.
    func testExtensionsAddUpToTheMaximum() throws {
        let preset = SLAPreset.for(category: .petition, urgency: .normal)
        var clock = StageClock(
            kind: .handling, limit: try XCTUnwrap(preset.limit(for: .handling)),
            startedAt: F.beijing("2026-03-02 09:00"))
        XCTAssertEqual(clock.deadline(at: F.beijing("2026-03-02 09:00"), calendar: calendar), F.beijing("2026-05-28 17:30"))
        XCTAssertThrowsError(try clock.grantExtension(.workingDays(31), maximum: preset.maximumExtension)) { error in
            XCTAssertEqual(
                error as? DomainError,
                .validation([FieldError(field: "extension", code: "exceeds_maximum", message: "延期合计不能超过30个工作日")]))
        }
        XCTAssertThrowsError(try clock.grantExtension(.calendarDays(5), maximum: preset.maximumExtension)) { error in
            guard case .validation(let errors) = error as? DomainError else { return XCTFail("\(error)") }
            XCTAssertEqual(errors.map(\.code), ["unit_mismatch"])
        }
        XCTAssertThrowsError(try clock.grantExtension(.workingDays(0), maximum: preset.maximumExtension)) { error in
            guard case .validation(let errors) = error as? DomainError else { return XCTFail("\(error)") }
            XCTAssertEqual(errors.map(\.code), ["out_of_range"])
        }
        try clock.grantExtension(.workingDays(10), maximum: preset.maximumExtension)
        try clock.grantExtension(.workingDays(20), maximum: preset.maximumExtension)
        XCTAssertEqual(clock.effectiveLimit, .workingDays(90))
        XCTAssertEqual(
            clock.deadline(at: F.beijing("2026-05-10 00:00"), calendar: calendar), F.beijing("2026-07-10 17:30"))
        XCTAssertThrowsError(try clock.grantExtension(.workingDays(1), maximum: preset.maximumExtension))
        XCTAssertEqual(clock.extensionGranted, .workingDays(30))
    }

    func testLeadAndAssistingClocksAreSeparateValues() throws {
        let start = F.beijing("2025-03-03 09:00")
        let lead = StageClock(
            kind: .signFor, owner: .department(id: 7, role: .lead), limit: .workingHours(4), startedAt: start)
        var assisting = lead
        assisting.owner = .department(id: 9, role: .assisting)
        XCTAssertEqual(Set([lead, assisting, lead]).count, 2)
        let data = try JSONEncoder().encode(assisting)
        XCTAssertEqual(try JSONDecoder().decode(StageClock.self, from: data), assisting)
        XCTAssertEqual(ClockOwner.Role.assisting.chineseName, "协办")
        XCTAssertEqual(ClockKind.allCases.map(\.chineseName), ["受理", "派遣", "签收", "办理", "核查", "答复", "回访", "调处", "报到", "督办答复"])
        XCTAssertEqual(ClockKind.allCases.filter(\.isStage), ClockKind.stages)
        XCTAssertEqual(ClockOwner.Role.summoned.chineseName, "被召集")
    }

    /// Minutes count the clock round: 30 minutes from Friday 17:20 end at 17:50, not Monday morning.
    func testMinutesCountWallClockTime() throws {
        let start = F.beijing("2025-03-07 17:20")
        XCTAssertEqual(calendar.deadline(adding: .minutes(30), from: start), F.beijing("2025-03-07 17:50"))
        let clock = StageClock(kind: .checkIn, owner: .department(id: 3, role: .summoned), limit: .minutes(30), startedAt: start)
        XCTAssertEqual(clock.budget(calendar: calendar), 1800)
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-07 17:44"), calendar: calendar), .warning(fraction: 0.8))
        XCTAssertEqual(clock.status(at: F.beijing("2025-03-07 17:51"), calendar: calendar), .overdue)
        XCTAssertEqual(ClockLimit.minutes(30).description, "30分钟")
        XCTAssertEqual(ClockLimit.minutes(20).adding(.minutes(10)), .minutes(30))
        XCTAssertNil(ClockLimit.minutes(20).adding(.workingHours(1)))
        XCTAssertEqual(ClockLimit.minutes(10_081).validate(field: "x").first?.code, "out_of_range")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(ClockLimit.minutes(30))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"amount":30,"unit":"minutes"}"#)
        XCTAssertEqual(try JSONDecoder().decode(ClockLimit.self, from: data), .minutes(30))
        XCTAssertEqual(ClockLimit(unit: .workingDays, amount: 3), .workingDays(3))
    }

    /// A deadline a person named (a dispatcher's, a whistle's) ends the clock exactly then, counted in
    /// wall-clock time; a pause moves it on by the paused time, an extension by its minutes.
    func testAFixedDeadlineEndsExactlyThenAndPausesMoveIt() throws {
        let start = F.beijing("2025-03-03 09:00:20")
        let due = F.beijing("2025-03-10 12:00")
        var clock = StageClock.ending(at: due, kind: .handling, owner: .department(id: 7, role: .lead), startedAt: start)
        XCTAssertEqual(clock.fixedDeadline, due)
        XCTAssertEqual(clock.limit, .minutes(7 * 1440 + 180), "the span in minutes, rounded up")
        XCTAssertFalse(clock.countsWorkingTime)
        XCTAssertEqual(clock.deadline(at: start, calendar: calendar), due, "exactly the named instant, not rounded")
        XCTAssertEqual(clock.status(at: due, calendar: calendar), .warning(fraction: 1))
        XCTAssertEqual(clock.status(at: due.addingTimeInterval(1), calendar: calendar), .overdue)
        try clock.pause(at: F.beijing("2025-03-04 10:00"), reason: .extensionUnderReview)
        try clock.resume(at: F.beijing("2025-03-04 12:00"))
        XCTAssertEqual(clock.deadline(at: F.beijing("2025-03-05 09:00"), calendar: calendar), due.addingTimeInterval(7200))
        XCTAssertEqual(clock.pausedTime(at: F.beijing("2025-03-05 09:00"), calendar: calendar), 7200)
        clock.extensionGranted = .minutes(60)
        XCTAssertEqual(clock.deadline(at: F.beijing("2025-03-05 09:00"), calendar: calendar), due.addingTimeInterval(3 * 3600))
        try clock.stop(at: due.addingTimeInterval(2 * 3600))
        XCTAssertEqual(clock.status(at: due.addingTimeInterval(4 * 3600), calendar: calendar), .stopped(onTime: true))
        // A deadline before the start gives an empty budget, never a negative one.
        let late = StageClock.ending(at: start.addingTimeInterval(-600), kind: .checkIn, startedAt: start)
        XCTAssertEqual(late.limit, .minutes(0))
        XCTAssertEqual(late.budget(calendar: calendar), 0)
        XCTAssertEqual(late.elapsed(at: start.addingTimeInterval(60), calendar: calendar), 60)
        XCTAssertEqual(late.status(at: start.addingTimeInterval(60), calendar: calendar), .overdue)
        let decoded = try JSONDecoder().decode(StageClock.self, from: try JSONEncoder().encode(clock))
        XCTAssertEqual(decoded, clock)
    }
}
