import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

final class HolidayCalendarTests: XCTestCase {
    static let admin = CaseCategoriesTests.admin

    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    /// A made-up 2027 schedule (the official one is not out when these tests are written).
    static let schedule2027 = HolidaySchedule(
        year: 2027,
        holidays: [
            .init(name: "元旦", firstDay: day("2027-01-01"), lastDay: day("2027-01-03")),
            .init(name: "春节", firstDay: day("2027-02-06"), lastDay: day("2027-02-13"), makeUpWorkdays: [day("2027-02-20")]),
        ],
        source: .init(title: "测试用2027年节假日安排", text: "仅供测试"))

    /// The official 2026 schedule with one more day off (a Monday).
    static var edited2026: HolidaySchedule {
        var schedule = HolidaySchedule.official2026
        schedule.holidays.append(.init(name: "测试假日", firstDay: day("2026-12-07"), lastDay: day("2026-12-07")))
        schedule.source.title = "国务院办公厅关于2026年部分节假日安排的通知(本地补充)"
        return schedule
    }

    func testTheBuiltInOfficialYearsApplyUntilAnAdministratorSavesOne() async throws {
        try await TestDatabases.each { db in
            let calendar = HolidayCalendar(platform: try TestPlatform.make(database: db))
            let years = try await calendar.years(caller: CaseCategoriesTests.caller(.dispatcher))
            XCTAssertEqual(years.map(\.year), [2025, 2026])
            XCTAssertTrue(years.allSatisfy { $0.builtIn && !$0.edited && $0.updatedBy == nil })
            XCTAssertEqual(years.map(\.schedule), HolidaySchedule.official)
            XCTAssertEqual(years.first?.originName, "内置(官方通知)")
            let inForce = try await calendar.calendar()
            XCTAssertTrue(inForce.isWorkingDay(Self.day("2026-02-14")), "a 调休 Saturday")
            XCTAssertFalse(inForce.isWorkingDay(Self.day("2026-10-01")))
            XCTAssertFalse(inForce.hasSchedule(for: 2027))
            let year = try await calendar.year(2026, caller: Self.admin)
            XCTAssertEqual(year.schedule, .official2026)
            await XCTAssertThrowsDomainError(code: "not_found") { _ = try await calendar.year(2030, caller: Self.admin) }
        }
    }

    func testAnOverrideAndANewYearApplyAtOnceHereWithinSecondsElsewhereAndAreAudited() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let otherServer = try TestPlatform.make(database: db, clock: clock)
            let calendar = HolidayCalendar(platform: platform)
            let before = try await calendar.calendar()
            XCTAssertTrue(before.isWorkingDay(Self.day("2026-12-07")))
            let elsewhereBefore = try await otherServer.businessCalendar()
            XCTAssertTrue(elsewhereBefore.isWorkingDay(Self.day("2026-12-07")))

            let saved = try await calendar.save(Self.edited2026, by: Self.admin)
            XCTAssertTrue(saved.builtIn && saved.edited)
            XCTAssertEqual(saved.originName, "已修改(替换内置)")
            let now = try await calendar.calendar()
            XCTAssertFalse(now.isWorkingDay(Self.day("2026-12-07")), "the cache sees the save at once")
            XCTAssertEqual(now.holidayName(on: Self.day("2026-12-07")), "测试假日")
            XCTAssertTrue(now.isWorkingDay(Self.day("2026-02-14")), "the rest of the year is unchanged")
            let stale = try await otherServer.businessCalendar()
            XCTAssertTrue(stale.isWorkingDay(Self.day("2026-12-07")), "another server reads again only after seconds")

            try await calendar.save(Self.schedule2027, by: Self.admin)
            let withNewYear = try await calendar.calendar()
            XCTAssertTrue(withNewYear.hasSchedule(for: 2027))
            XCTAssertFalse(withNewYear.isWorkingDay(Self.day("2027-01-01")))
            XCTAssertTrue(withNewYear.isWorkingDay(Self.day("2027-02-20")), "its 调休 Saturday")
            XCTAssertEqual(withNewYear.scheduledYears, [2025, 2026, 2027])

            clock.advance(minutes: 0.1)
            let fresh = try await otherServer.businessCalendar()
            XCTAssertFalse(fresh.isWorkingDay(Self.day("2026-12-07")))
            XCTAssertTrue(fresh.hasSchedule(for: 2027))

            let years = try await calendar.years(caller: Self.admin)
            XCTAssertEqual(years.map(\.year), [2025, 2026, 2027])
            XCTAssertEqual(years.map(\.originName), ["内置(官方通知)", "已修改(替换内置)", "管理员录入"])
            XCTAssertEqual(years[2].updatedBy, "u.systemAdmin")
            XCTAssertEqual(years[2].updatedAt, TestPlatform.referenceDate)
            XCTAssertEqual(years[1].schedule, Self.edited2026)
            let stored = try await db.read { try await HolidayScheduleRepository($0).find(year: 2027) }
            XCTAssertEqual(stored?.source, "测试用2027年节假日安排")

            // Saving a year again replaces it.
            var changed = Self.schedule2027
            changed.holidays.removeLast()
            try await calendar.save(changed, by: Self.admin)
            let replaced = try await calendar.year(2027, caller: Self.admin)
            XCTAssertEqual(replaced.schedule.holidays.map(\.name), ["元旦"])

            let records = try await db.read {
                try await AuditRepository($0, kind: db.kind).latest(action: "holiday_schedule.save", limit: 10)
            }
            XCTAssertEqual(records.map(\.objectId), ["2027", "2027", "2026"])
            let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((records.last?.summary ?? "").utf8))
                as? [String: Any])
            let beforeSide = try XCTUnwrap(first["before"] as? [String: Any])
            let afterSide = try XCTUnwrap(first["after"] as? [String: Any])
            XCTAssertEqual(beforeSide["source"] as? String, "国务院办公厅关于2026年部分节假日安排的通知")
            XCTAssertEqual((beforeSide["holidays"] as? [Any])?.count, 7)
            XCTAssertEqual((afterSide["holidays"] as? [Any])?.count, 8)
            let newYear = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((records[1].summary).utf8)) as? [String: Any])
            XCTAssertNil(newYear["before"], "a new year had nothing before")
            XCTAssertEqual(records.first?.actor, "u.systemAdmin")
        }
    }

    func testPastYearsInvalidSchedulesAndOtherRolesAreRefusedAndNothingIsStored() async throws {
        try await TestDatabases.each { db in
            let calendar = HolidayCalendar(platform: try TestPlatform.make(database: db))
            // The clock says 2026: 2025 is past, even with the official schedule.
            do {
                try await calendar.save(.official2025, by: Self.admin)
                XCTFail("a past year was saved")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.map(\.code), ["past_year"])
                XCTAssertEqual(errors.first?.field, "year")
                XCTAssertTrue(errors.first?.message.contains("2025年已经过去") ?? false)
            }
            var overlapping = Self.schedule2027
            overlapping.holidays[1].firstDay = Self.day("2027-01-02")
            overlapping.holidays[1].lastDay = Self.day("2027-01-04")
            overlapping.holidays[1].makeUpWorkdays = [Self.day("2027-02-22")]  // a Monday
            await XCTAssertThrowsDomainErrorFields(["holidays[1].firstDay", "holidays[1].makeUpWorkdays[0]"]) {
                try await calendar.save(overlapping, by: Self.admin)
            }
            var untitled = Self.schedule2027
            untitled.source.title = "  "
            await XCTAssertThrowsDomainErrorFields(["source.title"]) { try await calendar.save(untitled, by: Self.admin) }
            var ancient = Self.schedule2027
            ancient.year = 1999
            await XCTAssertThrowsDomainErrorFields(["year"]) { try await calendar.save(ancient, by: Self.admin) }
            var outside = Self.schedule2027
            outside.year = 2028
            await XCTAssertThrowsDomainErrorFields(["holidays[0].firstDay", "holidays[0].lastDay", "holidays[1].firstDay",
                                                   "holidays[1].lastDay", "holidays[1].makeUpWorkdays[0]"]) {
                try await calendar.save(outside, by: Self.admin)
            }
            for role in Role.allCases where role != .systemAdmin {
                await XCTAssertThrowsDomainError(code: "forbidden") {
                    try await calendar.save(Self.schedule2027, by: CaseCategoriesTests.caller(role))
                }
                if !role.permissions.contains(.viewCases) {
                    await XCTAssertThrowsDomainError(code: "forbidden") {
                        _ = try await calendar.years(caller: CaseCategoriesTests.caller(role))
                    }
                }
            }
            let machine = Caller(staff: Staff.machine(tokenID: 1, name: "热线", scopes: Set(ApiScope.allCases),
                                                      jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.county)!)),
                                 ip: "t")
            await XCTAssertThrowsDomainError(code: "forbidden") { try await calendar.save(Self.schedule2027, by: machine) }
            let stored = try await db.read { try await HolidayScheduleRepository($0).all() }
            XCTAssertEqual(stored, [])
            let audits = try await CaseCategoriesTests.auditCount(db)
            XCTAssertEqual(audits, 0)
            let inForce = try await calendar.calendar()
            XCTAssertEqual(inForce.scheduledYears, [2025, 2026])
        }
    }

    func testAStoredScheduleThatNoLongerReadsIsLeftOutAndTheBuiltInYearApplies() async throws {
        try await TestDatabases.each { db in
            let calendar = HolidayCalendar(platform: try TestPlatform.make(database: db))
            try await db.write { db in
                let repository = HolidayScheduleRepository(db)
                try await repository.save(HolidayScheduleRecord(year: 2026, schedule: "{not json", source: "坏数据",
                                                                updatedBy: "x", updatedAt: 0))
                // Valid JSON whose year disagrees with the row.
                let json = String(decoding: try JSONEncoder().encode(Self.schedule2027), as: UTF8.self)
                try await repository.save(HolidayScheduleRecord(year: 2028, schedule: json, source: "错年", updatedBy: "x",
                                                                updatedAt: 0))
            }
            let years = try await calendar.years(caller: Self.admin)
            XCTAssertEqual(years.map(\.year), [2025, 2026])
            XCTAssertEqual(years[1].schedule, .official2026)
            XCTAssertFalse(years[1].edited)
            let inForce = try await calendar.calendar()
            XCTAssertFalse(inForce.isWorkingDay(Self.day("2026-10-01")))
        }
    }
}
