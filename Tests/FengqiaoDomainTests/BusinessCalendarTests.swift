import FengqiaoDomain
import Foundation
import XCTest

/// Deadlines and working time on the official calendar, every expected instant worked out by hand
/// (default hours 08:30–12:00 and 14:30–17:30, 6.5 hours a day).
final class BusinessCalendarTests: XCTestCase {
    typealias F = CalendarFixtures
    let calendar = BusinessCalendar.official

    private func deadline(_ limit: ClockLimit, from start: String) -> Date {
        calendar.deadline(adding: limit, from: F.beijing(start))
    }

    /// Friday 2026-02-13 17:00: Saturday 02-14 is worked (1), 02-15…02-23 is the Spring Festival,
    /// 02-24 (2), 02-25 (3); the limit ends at close of business.
    func testWorkingDaysAcrossTheSpringFestival2026() {
        XCTAssertEqual(deadline(.workingDays(3), from: "2026-02-13 17:00"), F.beijing("2026-02-25 17:30"))
        XCTAssertEqual(deadline(.workingDays(1), from: "2026-02-13 17:00"), F.beijing("2026-02-14 17:30"))
        XCTAssertEqual(deadline(.workingDays(2), from: "2026-02-13 17:00"), F.beijing("2026-02-24 17:30"))
    }

    /// From Sunday 2025-09-28 (a make-up day): 09-29 (1), 09-30 (2), the holiday 10-01…10-08,
    /// 10-09 (3), 10-10 (4), Saturday 10-11 worked (5).
    func testWorkingDaysAcrossNationalDay2025() {
        XCTAssertEqual(deadline(.workingDays(2), from: "2025-09-28 10:00"), F.beijing("2025-09-30 17:30"))
        XCTAssertEqual(deadline(.workingDays(3), from: "2025-09-28 10:00"), F.beijing("2025-10-09 17:30"))
        XCTAssertEqual(deadline(.workingDays(4), from: "2025-09-28 10:00"), F.beijing("2025-10-10 17:30"))
        XCTAssertEqual(deadline(.workingDays(5), from: "2025-09-28 10:00"), F.beijing("2025-10-11 17:30"))
    }

    func testTheStartDayNeverCountsAsAWorkingDay() {
        // Before opening on a Monday: still the next day.
        XCTAssertEqual(deadline(.workingDays(1), from: "2025-03-03 07:00"), F.beijing("2025-03-04 17:30"))
        // On a holiday: the first working day after it.
        XCTAssertEqual(deadline(.workingDays(1), from: "2025-01-30 10:00"), F.beijing("2025-02-05 17:30"))
        // Saturday before the Spring Festival: Sunday 01-26 is worked.
        XCTAssertEqual(deadline(.workingDays(1), from: "2025-01-25 12:00"), F.beijing("2025-01-26 17:30"))
        XCTAssertEqual(deadline(.workingDays(0), from: "2025-01-25 12:00"), F.beijing("2025-01-25 12:00"))
    }

    func testWorkingHoursSkipLunchNightsWeekendsAndHolidays() {
        // Lunch: 11:00–12:00, then 14:30–15:30.
        XCTAssertEqual(deadline(.workingHours(2), from: "2025-03-03 11:00"), F.beijing("2025-03-03 15:30"))
        XCTAssertEqual(deadline(.workingHours(1), from: "2025-03-03 12:30"), F.beijing("2025-03-03 15:30"))
        // Night: 17:00–17:30, then 08:30–10:00.
        XCTAssertEqual(deadline(.workingHours(2), from: "2025-03-03 17:00"), F.beijing("2025-03-04 10:00"))
        XCTAssertEqual(deadline(.workingHours(1), from: "2025-03-03 17:30"), F.beijing("2025-03-04 09:30"))
        XCTAssertEqual(deadline(.workingHours(1), from: "2025-03-03 07:00"), F.beijing("2025-03-03 09:30"))
        // Weekend: Friday 16:30–17:30, Monday 08:30–11:30.
        XCTAssertEqual(deadline(.workingHours(4), from: "2025-03-07 16:30"), F.beijing("2025-03-10 11:30"))
        // Two whole days end at the second day's close, not the next morning.
        XCTAssertEqual(deadline(.workingHours(13), from: "2025-03-03 08:30"), F.beijing("2025-03-04 17:30"))
    }

    func testWorkingHoursAcrossTheSpringFestival() {
        // Monday 2025-01-27 17:00–17:30, then 01-28…02-04 closed, Wednesday 02-05 08:30–12:00: exactly noon.
        XCTAssertEqual(deadline(.workingHours(4), from: "2025-01-27 17:00"), F.beijing("2025-02-05 12:00"))
        // Saturday 2025-01-25 is a rest day; Sunday 01-26 is worked.
        XCTAssertEqual(deadline(.workingHours(1), from: "2025-01-25 10:00"), F.beijing("2025-01-26 09:30"))
        // Friday 2026-02-13 16:00–17:30 (1.5 h), Saturday 02-14 worked (6.5 h) = 8 h; the 9th hour after the holiday.
        XCTAssertEqual(deadline(.workingHours(8), from: "2026-02-13 16:00"), F.beijing("2026-02-14 17:30"))
        XCTAssertEqual(deadline(.workingHours(9), from: "2026-02-13 16:00"), F.beijing("2026-02-24 09:30"))
    }

    /// Calendar days: the start day is not counted; the period ends at 24:00 of the n-th day, or of
    /// the next working day when that day is a rest day.
    func testCalendarDaysEndAtMidnightAndMoveOffRestDays() {
        // 15 days from Saturday 2025-09-20: 10-05 is in the National Day holiday → Thursday 10-09.
        XCTAssertEqual(deadline(.calendarDays(15), from: "2025-09-20 10:00"), F.beijing("2025-10-10 00:00"))
        // 60 days from 2026-03-02: 05-01 is 劳动节 (05-01…05-05) → Wednesday 05-06.
        XCTAssertEqual(deadline(.calendarDays(60), from: "2026-03-02 09:00"), F.beijing("2026-05-07 00:00"))
        // 30 days from 2025-03-03: Wednesday 04-02.
        XCTAssertEqual(deadline(.calendarDays(30), from: "2025-03-03 10:00"), F.beijing("2025-04-03 00:00"))
        // 15 days from Friday 2025-03-07: Saturday 03-22 → Monday 03-24.
        XCTAssertEqual(deadline(.calendarDays(15), from: "2025-03-07 10:00"), F.beijing("2025-03-25 00:00"))
        // 15 days from 2025-01-11: Sunday 01-26 is a make-up working day, so it stays.
        XCTAssertEqual(deadline(.calendarDays(15), from: "2025-01-11 10:00"), F.beijing("2025-01-27 00:00"))
        // The hour of the start does not matter.
        XCTAssertEqual(deadline(.calendarDays(1), from: "2025-03-03 00:00"), F.beijing("2025-03-05 00:00"))
        XCTAssertEqual(deadline(.calendarDays(1), from: "2025-03-03 23:59:59"), F.beijing("2025-03-05 00:00"))
    }

    func testWorkingTimeBetweenInstants() {
        // Monday 2025-01-27 all day (6.5 h), the holiday, Wednesday 02-05 08:30–09:00.
        let start = F.beijing("2025-01-27 08:00")
        let end = F.beijing("2025-02-05 09:00")
        XCTAssertEqual(calendar.workingTime(from: start, to: end), 7 * 3600)
        XCTAssertEqual(calendar.workingMinutes(from: start, to: end), 420)
        XCTAssertEqual(calendar.workingTime(from: end, to: start), 0)
        XCTAssertEqual(
            calendar.workingTime(from: F.beijing("2025-03-03 11:59:30"), to: F.beijing("2025-03-03 12:00:30")), 30)
        XCTAssertEqual(
            calendar.workingMinutes(from: F.beijing("2025-03-03 11:59:30"), to: F.beijing("2025-03-03 12:00:30")), 0)
        // All of 2025: 248 working days of 6.5 hours.
        XCTAssertEqual(
            calendar.workingTime(from: F.beijing("2025-01-01 00:00"), to: F.beijing("2026-01-01 00:00")),
            248 * 6.5 * 3600)
        XCTAssertEqual(calendar.workingTime(from: F.beijing("2025-03-08 09:00"), to: F.beijing("2025-03-09 17:00")), 0)
    }

    func testWorkingHoursAndDays() {
        XCTAssertTrue(calendar.isWithinWorkingHours(F.beijing("2025-03-03 08:30")))
        XCTAssertFalse(calendar.isWithinWorkingHours(F.beijing("2025-03-03 12:00")))
        XCTAssertFalse(calendar.isWithinWorkingHours(F.beijing("2025-03-03 14:29:59")))
        XCTAssertFalse(calendar.isWithinWorkingHours(F.beijing("2025-03-08 10:00")))
        XCTAssertTrue(calendar.isWithinWorkingHours(F.beijing("2025-01-26 10:00")))
        XCTAssertFalse(calendar.isWithinWorkingHours(F.beijing("2025-10-06 10:00")))
        XCTAssertEqual(calendar.nextWorkingDay(after: F.day("2026-02-14")), F.day("2026-02-24"))
        XCTAssertEqual(calendar.nextWorkingDay(after: F.day("2026-02-27")), F.day("2026-02-28"))
    }

    /// Without a schedule only weekends rest, and the calendar says so for the UI to warn.
    func testAYearWithoutAScheduleFallsBackToTheWeek() {
        XCTAssertFalse(calendar.hasSchedule(for: 2027))
        XCTAssertFalse(calendar.hasSchedule(for: 2024))
        XCTAssertTrue(calendar.isWorkingDay(F.day("2027-01-01")))  // a Friday; its holiday is not entered yet
        XCTAssertFalse(calendar.isWorkingDay(F.day("2027-01-02")))
        XCTAssertEqual(deadline(.workingDays(1), from: "2026-12-31 10:00"), F.beijing("2027-01-01 17:30"))
        let bare = BusinessCalendar(schedules: [])
        XCTAssertEqual(bare.scheduledYears, [])
        XCTAssertTrue(bare.isWorkingDay(F.day("2025-10-01")))
    }

    func testConfiguredWorkingHours() throws {
        let ninetoFive = try WorkingHours(periods: [
            try XCTUnwrap(WorkingHours.Period(from: "09:00", to: "12:00")),
            try XCTUnwrap(WorkingHours.Period(from: "13:30", to: "17:30")),
        ])
        XCTAssertEqual(ninetoFive.minutesPerDay, 420)
        let calendar = BusinessCalendar(schedules: HolidaySchedule.official, workingHours: ninetoFive)
        XCTAssertEqual(
            calendar.deadline(adding: .workingHours(2), from: F.beijing("2025-03-03 11:00")),
            F.beijing("2025-03-03 14:30"))
        XCTAssertEqual(
            calendar.deadline(adding: .workingDays(1), from: F.beijing("2025-03-03 11:00")),
            F.beijing("2025-03-04 17:30"))
        // Friday 10:00–17:30 less lunch is 6 h; 2 more on Monday from 09:00.
        XCTAssertEqual(
            calendar.deadline(adding: .workingHours(8), from: F.beijing("2025-03-07 10:00")),
            F.beijing("2025-03-10 11:00"))
        XCTAssertEqual(WorkingHours.standard.periods.map(\.description), ["08:30–12:00", "14:30–17:30"])
    }

    func testWorkingHoursValidation() throws {
        func codes(_ periods: [WorkingHours.Period]) -> [String] {
            WorkingHours.validate(periods).map { "\($0.field) \($0.code)" }
        }
        XCTAssertEqual(codes([]), ["periods required"])
        XCTAssertEqual(codes([.init(startMinute: 600, endMinute: 540)]), ["periods[0] end_before_start"])
        XCTAssertEqual(codes([.init(startMinute: -1, endMinute: 540)]), ["periods[0] out_of_range"])
        XCTAssertEqual(codes([.init(startMinute: 0, endMinute: 1441)]), ["periods[0] out_of_range"])
        XCTAssertEqual(
            codes([.init(startMinute: 510, endMinute: 720), .init(startMinute: 700, endMinute: 1000)]),
            ["periods[1] overlap"])
        XCTAssertEqual(codes(Array(repeating: .init(startMinute: 0, endMinute: 1), count: 7)), ["periods too_many"])
        XCTAssertEqual(codes([.init(startMinute: 0, endMinute: 1440)]), [])
        XCTAssertEqual(
            WorkingHours.validate([.init(startMinute: 600, endMinute: 540)]).first?.message,
            "工作时段10:00–09:00的结束时间须晚于开始时间")
        XCTAssertThrowsError(try WorkingHours(periods: [])) { error in
            XCTAssertEqual((error as? DomainError)?.code, "validation_failed")
        }
        XCTAssertNil(WorkingHours.Period(from: "25:00", to: "26:00"))
        XCTAssertNil(WorkingHours.Period(from: "8:30", to: "12:00"))
        XCTAssertNil(WorkingHours.Period(from: "08:60", to: "12:00"))
        XCTAssertEqual(WorkingHours.Period(from: "18:00", to: "24:00")?.endMinute, 1440)

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(WorkingHours.standard), as: UTF8.self)
        XCTAssertEqual(json, #"{"periods":[{"from":"08:30","to":"12:00"},{"from":"14:30","to":"17:30"}]}"#)
        XCTAssertEqual(try JSONDecoder().decode(WorkingHours.self, from: Data(json.utf8)), .standard)
        let overlapping = #"{"periods":[{"from":"08:30","to":"12:00"},{"from":"11:30","to":"17:30"}]}"#
        XCTAssertThrowsError(try JSONDecoder().decode(WorkingHours.self, from: Data(overlapping.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode(WorkingHours.self, from: Data(#"{"periods":[]}"#.utf8)))
    }

    func testCivilDates() {
        XCTAssertEqual(F.day("2026-02-14").weekday, 6)
        XCTAssertEqual(F.day("2025-01-26").weekdayName, "周日")
        XCTAssertEqual(F.day("1970-01-01").dayNumber, 0)
        XCTAssertEqual(F.day("1969-12-31").dayNumber, -1)
        XCTAssertEqual(CivilDate(dayNumber: 20_513), F.day("2026-03-01"))
        XCTAssertNil(CivilDate("2025-02-29"))
        XCTAssertNotNil(CivilDate("2024-02-29"))
        XCTAssertNil(CivilDate("2025-2-01"))
        XCTAssertNil(CivilDate(year: 2025, month: 13, day: 1))
        XCTAssertEqual(CivilDate(containing: F.beijing("2025-03-03 23:59:59")), F.day("2025-03-03"))
        XCTAssertEqual(CivilDate(containing: F.beijing("2025-03-04 00:00")), F.day("2025-03-04"))
        XCTAssertEqual(F.day("2025-03-04").start, F.beijing("2025-03-04 00:00"))
        XCTAssertEqual(F.day("2025-12-31").adding(days: 1), F.day("2026-01-01"))
        XCTAssertLessThan(F.day("2025-12-31"), F.day("2026-01-01"))
    }
}
