import FengqiaoDomain
import Foundation
import XCTest

/// The shipped schedules against the State Council notices, day by day, and the checks on
/// administrators' schedules.
final class HolidayScheduleTests: XCTestCase {
    typealias F = CalendarFixtures
    let calendar = BusinessCalendar.official

    /// 国办发明电〔2024〕12号: every day of 2025 is a working day exactly when it is a weekday outside
    /// the holidays, or one of the five make-up days.
    func testEvery2025HolidayAndMakeUpDay() {
        let holidays: [String: [String]] = [
            "元旦": ["2025-01-01"],
            "春节": F.days("2025-01-28", "2025-02-04"),
            "清明节": ["2025-04-04", "2025-04-05", "2025-04-06"],
            "劳动节": F.days("2025-05-01", "2025-05-05"),
            "端午节": ["2025-05-31", "2025-06-01", "2025-06-02"],
            "国庆节、中秋节": F.days("2025-10-01", "2025-10-08"),
        ]
        let makeUps = [
            "2025-01-26": "春节", "2025-02-08": "春节", "2025-04-27": "劳动节", "2025-09-28": "国庆节、中秋节",
            "2025-10-11": "国庆节、中秋节",
        ]
        XCTAssertEqual(holidays.values.map(\.count).reduce(0, +), 28)
        assertYear(2025, holidays: holidays, makeUps: makeUps)
        // 261 weekdays, 18 of them holidays, 5 weekend days worked.
        XCTAssertEqual(calendar.workingDayCount(from: F.day("2025-01-01"), through: F.day("2025-12-31")), 248)
    }

    /// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
    func testEvery2026HolidayAndMakeUpDay() {
        let holidays: [String: [String]] = [
            "元旦": ["2026-01-01", "2026-01-02", "2026-01-03"],
            "春节": F.days("2026-02-15", "2026-02-23"),
            "清明节": ["2026-04-04", "2026-04-05", "2026-04-06"],
            "劳动节": F.days("2026-05-01", "2026-05-05"),
            "端午节": ["2026-06-19", "2026-06-20", "2026-06-21"],
            "中秋节": ["2026-09-25", "2026-09-26", "2026-09-27"],
            "国庆节": F.days("2026-10-01", "2026-10-07"),
        ]
        let makeUps = [
            "2026-01-04": "元旦", "2026-02-14": "春节", "2026-02-28": "春节", "2026-05-09": "劳动节",
            "2026-09-20": "国庆节", "2026-10-10": "国庆节",
        ]
        XCTAssertEqual(holidays["春节"]?.count, 9)
        XCTAssertEqual(holidays.values.map(\.count).reduce(0, +), 33)
        assertYear(2026, holidays: holidays, makeUps: makeUps)
        // 261 weekdays, 19 of them holidays, 6 weekend days worked.
        XCTAssertEqual(calendar.workingDayCount(from: F.day("2026-01-01"), through: F.day("2026-12-31")), 248)
    }

    private func assertYear(_ year: Int, holidays: [String: [String]], makeUps: [String: String]) {
        var holidayOf: [String: String] = [:]
        for (name, days) in holidays { for day in days { holidayOf[day] = name } }
        let days = F.days("\(year)-01-01", "\(year)-12-31")
        XCTAssertEqual(days.count, 365)
        var foundation = Calendar(identifier: .gregorian)
        foundation.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        for text in days {
            let day = F.day(text)
            let weekday = foundation.component(.weekday, from: F.beijing(text + " 12:00"))  // 1 = Sunday
            let weekend = weekday == 1 || weekday == 7
            let expected = makeUps[text] != nil || (!weekend && holidayOf[text] == nil)
            XCTAssertEqual(calendar.isWorkingDay(day), expected, text)
            XCTAssertEqual(calendar.isWorkingDay(containing: F.beijing(text + " 23:59:59")), expected, text)
            XCTAssertEqual(calendar.holidayName(on: day), holidayOf[text], text)
            XCTAssertEqual(calendar.makeUpHolidayName(on: day), makeUps[text], text)
            if makeUps[text] != nil { XCTAssertTrue(weekend, "make-up day \(text) is a weekend day") }
        }
        XCTAssertTrue(calendar.hasSchedule(for: year))
    }

    func testOfficialSchedulesPassValidationAndNameTheirSource() throws {
        XCTAssertEqual(HolidaySchedule.official2025.validate(), [])
        XCTAssertEqual(HolidaySchedule.official2026.validate(), [])
        XCTAssertEqual(HolidaySchedule.official2025.source.title, "国务院办公厅关于2025年部分节假日安排的通知")
        XCTAssertEqual(HolidaySchedule.official2025.source.documentNumber, "国办发明电〔2024〕12号")
        XCTAssertEqual(HolidaySchedule.official2025.source.issued, F.day("2024-11-12"))
        XCTAssertEqual(HolidaySchedule.official2026.source.title, "国务院办公厅关于2026年部分节假日安排的通知")
        XCTAssertEqual(HolidaySchedule.official2026.source.issued, F.day("2025-11-04"))
        XCTAssertTrue(HolidaySchedule.official2026.source.text.contains("2月14日(周六)、2月28日(周六)上班"))
        XCTAssertEqual(
            HolidaySchedule.official2025.makeUpWorkdays.map(\.description),
            ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])
        XCTAssertEqual(calendar.scheduledYears, [2025, 2026])
        _ = try HolidaySchedule.official2026.validated()
    }

    func testSchedulesRoundTripThroughJSONWithDayStrings() throws {
        let data = try JSONEncoder().encode(HolidaySchedule.official2026)
        let json = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(json.contains("\"2026-02-15\""), json)
        XCTAssertEqual(try JSONDecoder().decode(HolidaySchedule.self, from: data), HolidaySchedule.official2026)

        let impossible = Data(
            #"{"year":2027,"holidays":[{"name":"元旦","firstDay":"2027-02-30","lastDay":"2027-03-01","makeUpWorkdays":[]}],"source":{"title":"t","text":""}}"#
                .utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(HolidaySchedule.self, from: impossible))
        let wrongFormat = Data(
            #"{"year":2027,"holidays":[{"name":"元旦","firstDay":"2027/1/1","lastDay":"2027-01-01","makeUpWorkdays":[]}],"source":{"title":"t","text":""}}"#
                .utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(HolidaySchedule.self, from: wrongFormat))
    }

    func testValidationNamesEachProblemInChinese() {
        let schedule = HolidaySchedule(
            year: 2027,
            holidays: [
                .init(name: " ", firstDay: F.day("2027-01-01"), lastDay: F.day("2027-01-01")),
                .init(
                    name: "春节", firstDay: F.day("2027-02-10"), lastDay: F.day("2027-02-06"),
                    makeUpWorkdays: [F.day("2027-02-08")]),
                .init(name: "清明节", firstDay: F.day("2028-04-03"), lastDay: F.day("2028-04-05")),
                .init(
                    name: "劳动节", firstDay: F.day("2027-05-01"), lastDay: F.day("2027-05-05"),
                    makeUpWorkdays: [
                        F.day("2027-05-03"), F.day("2027-04-25"), F.day("2027-04-25"), F.day("2026-06-06"),
                    ]),
                .init(name: "端午节", firstDay: F.day("2027-05-05"), lastDay: F.day("2027-05-06")),
                .init(name: "国庆节", firstDay: F.day("2027-10-01"), lastDay: F.day("2027-10-20")),
            ],
            source: .init(title: "", text: ""))
        let errors = schedule.validate()
        let found = Set(errors.map { "\($0.field) \($0.code)" })
        XCTAssertEqual(
            found,
            [
                "source.title required",
                "holidays[0].name required",
                "holidays[1].lastDay before_first_day",
                "holidays[2].firstDay outside_year", "holidays[2].lastDay outside_year",
                "holidays[3].makeUpWorkdays[0] holiday_and_workday",
                "holidays[3].makeUpWorkdays[2] duplicate",
                "holidays[3].makeUpWorkdays[3] outside_year",
                "holidays[4].firstDay overlap",
                "holidays[5].lastDay too_long",
                "holidays[1].makeUpWorkdays[0] not_weekend",
            ], errors.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(errors.count, found.count)
        let messages = Dictionary(
            errors.map { ("\($0.field) \($0.code)", $0.message) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(messages["holidays[1].makeUpWorkdays[0] not_weekend"], "调休上班日须为周六或周日,2027-02-08是周一")
        XCTAssertEqual(messages["holidays[3].makeUpWorkdays[0] holiday_and_workday"], "2027-05-03不能既是劳动节的放假日又是调休上班日")
        XCTAssertEqual(messages["holidays[4].firstDay overlap"], "端午节与劳动节的放假日期重叠(2027-05-05)")
        XCTAssertEqual(messages["holidays[2].firstDay outside_year"], "2028-04-03不在2027年内")
        XCTAssertThrowsError(try schedule.validated()) { error in
            XCTAssertEqual(error as? DomainError, .validation(errors))
        }

        let farYear = HolidaySchedule(year: 1999, holidays: [], source: .init(title: "x", text: ""))
        XCTAssertEqual(farYear.validate().map(\.code), ["out_of_range"])
    }

    /// The 2023 notice put 元旦 on 2022-12-31 … 2023-01-02: a holiday may start in the last week of the
    /// previous year, and the calendar applies it to that day.
    func testAHolidayMayBeginInTheLastWeekOfThePreviousYear() {
        let schedule = HolidaySchedule(
            year: 2023,
            holidays: [.init(name: "元旦", firstDay: F.day("2022-12-31"), lastDay: F.day("2023-01-02"))],
            source: .init(title: "国务院办公厅关于2023年部分节假日安排的通知", text: "元旦:2022年12月31日至2023年1月2日放假调休,共3天。"))
        XCTAssertEqual(schedule.validate(), [])
        let calendar = BusinessCalendar(schedules: [schedule])
        XCTAssertEqual(calendar.holidayName(on: F.day("2022-12-31")), "元旦")
        XCTAssertFalse(calendar.isWorkingDay(F.day("2023-01-02")))  // a Monday
        XCTAssertFalse(calendar.hasSchedule(for: 2022))

        var tooEarly = schedule
        tooEarly.holidays[0].firstDay = F.day("2022-12-24")
        XCTAssertEqual(tooEarly.validate().map(\.code), ["outside_year"])
    }
}
