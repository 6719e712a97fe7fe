import FengqiaoDomain
import XCTest

final class DutyRosterTests: XCTestCase {
    let wang = DutyRoster.Member(accountID: 1, name: "王法官")
    let li = DutyRoster.Member(accountID: 2, name: "李检察官")
    let zhao = DutyRoster.Member(accountID: 3, name: "赵警官")

    private func fieldErrors(_ body: () throws -> Void) -> [FieldError] {
        do {
            try body()
            return []
        } catch DomainError.validation(let errors) {
            return errors
        } catch {
            XCTFail("unexpected \(error)")
            return []
        }
    }

    func testOnDutyListsTheDaysPeople() throws {
        let roster = try DutyRoster(
            entries: [
                .init(day: "2026-03-03", member: li), .init(day: "2026-03-02", member: wang),
                .init(day: "2026-03-02", member: zhao),
            ],
            stationing: .rotating)
        XCTAssertEqual(roster.onDuty(on: "2026-03-02").map(\.member), [wang, zhao])
        XCTAssertEqual(roster.onDuty(on: "2026-03-03").map(\.member), [li])
        XCTAssertEqual(roster.onDuty(on: "2026-03-04"), [])
        XCTAssertEqual(roster.onDuty(on: "not a day"), [])
        XCTAssertEqual(roster.span, "2026-03-02"..."2026-03-03")
        // 2026-03-02 16:30 UTC is already 03-03 00:30 in Beijing.
        let date = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-03-02T16:30:00Z"))
        XCTAssertEqual(roster.onDuty(at: date).map(\.member), [li])
    }

    func testEmptyRosterOnlyForDepartmentsThatDoNotRotate() throws {
        let errors = fieldErrors { _ = try DutyRoster(entries: [], stationing: .rotating) }
        XCTAssertEqual(errors.map(\.code), ["required"])
        XCTAssertEqual(try DutyRoster(entries: [], stationing: .resident).entries, [])
        XCTAssertNil(try DutyRoster(entries: [], stationing: .onCall).span)
    }

    func testMalformedDaysAreRejected() {
        let malformed = [
            "2026-3-2", "2026/03/02", "2026-02-30", "2026-13-01", "2026-00-10", "1999-12-31", "２０２６-03-02",
            "2026-03-02 ", "26-03-02", "",
        ]
        for day in malformed {
            let errors = fieldErrors {
                _ = try DutyRoster(entries: [.init(day: day, member: wang)], stationing: .rotating)
            }
            XCTAssertEqual(errors.map(\.field), ["entries[0].day"], day)
            XCTAssertEqual(errors.first?.code, "invalid_format", day)
        }
        XCTAssertNoThrow(try DutyRoster(entries: [.init(day: "2028-02-29", member: wang)], stationing: .rotating))
    }

    func testDuplicatesAndBlankNamesAreRejectedTogether() {
        let nameless = DutyRoster.Member(accountID: 9, name: "  ")
        let longName = DutyRoster.Member(accountID: 8, name: String(repeating: "名", count: 41))
        let errors = fieldErrors {
            _ = try DutyRoster(
                entries: [
                    .init(day: "2026-03-02", member: wang), .init(day: "2026-03-03", member: wang),
                    .init(day: "2026-03-02", member: wang), .init(day: "2026-03-02", member: nameless),
                    .init(day: "2026-03-02", member: longName),
                ],
                stationing: .rotating)
        }
        XCTAssertEqual(errors.map(\.field), ["entries[2]", "entries[3].name", "entries[4].name"])
        XCTAssertEqual(errors.map(\.code), ["duplicate", "required", "too_long"])
        XCTAssertEqual(errors.first?.message, "王法官在2026-03-02重复排班")
    }

    func testWeeklyRotationHandsOverOnMondays() throws {
        // 2026-03-04 is a Wednesday.
        let roster = try DutyRoster.weeklyRotation(of: [wang, li, zhao], from: "2026-03-04", through: "2026-03-31")
        XCTAssertEqual(roster.entries.count, 28)
        XCTAssertEqual(roster.onDuty(on: "2026-03-04").map(\.member), [wang])
        XCTAssertEqual(roster.onDuty(on: "2026-03-08").map(\.member), [wang], "Sunday closes the first week")
        XCTAssertEqual(roster.onDuty(on: "2026-03-09").map(\.member), [li])
        XCTAssertEqual(roster.onDuty(on: "2026-03-16").map(\.member), [zhao])
        XCTAssertEqual(roster.onDuty(on: "2026-03-23").map(\.member), [wang], "the rotation wraps around")
        XCTAssertEqual(roster.onDuty(on: "2026-03-31").map(\.member), [li])
        XCTAssertTrue(roster.entries.allSatisfy { roster.onDuty(on: $0.day).count == 1 })
    }

    func testWeekdaysOnlyRotationSkipsWeekendsAndCrossesMonthsAndYears() throws {
        let roster = try DutyRoster.weeklyRotation(
            of: [wang, li], from: "2026-12-28", through: "2027-01-10", weekdaysOnly: true)
        XCTAssertEqual(roster.entries.count, 10)
        XCTAssertEqual(roster.onDuty(on: "2027-01-02"), [], "Saturday")
        XCTAssertEqual(roster.onDuty(on: "2027-01-01").map(\.member), [wang])
        XCTAssertEqual(roster.onDuty(on: "2027-01-04").map(\.member), [li])
        XCTAssertEqual(roster.span, "2026-12-28"..."2027-01-08")
    }

    func testWeeklyRotationRejections() {
        XCTAssertEqual(
            fieldErrors { _ = try DutyRoster.weeklyRotation(of: [], from: "2026-03-02", through: "2026-03-08") }
                .map(\.field), ["people"])
        XCTAssertEqual(
            fieldErrors {
                _ = try DutyRoster.weeklyRotation(of: [wang, wang], from: "2026-03-02", through: "2026-03-08")
            }.map(\.code), ["duplicate"])
        XCTAssertEqual(
            fieldErrors { _ = try DutyRoster.weeklyRotation(of: [wang], from: "2026-02-30", through: "2026/03/08") }
                .map(\.field), ["firstDay", "lastDay"])
        XCTAssertEqual(
            fieldErrors { _ = try DutyRoster.weeklyRotation(of: [wang], from: "2026-03-08", through: "2026-03-07") }
                .map(\.code), ["out_of_range"])
        XCTAssertEqual(
            fieldErrors { _ = try DutyRoster.weeklyRotation(of: [wang], from: "2026-01-01", through: "2027-01-02") }
                .map(\.code), ["out_of_range"], "367 days")
        XCTAssertNoThrow(try DutyRoster.weeklyRotation(of: [wang], from: "2028-01-01", through: "2028-12-31"))
        XCTAssertEqual(
            fieldErrors {
                _ = try DutyRoster.weeklyRotation(
                    of: [wang], from: "2026-03-07", through: "2026-03-08", weekdaysOnly: true)
            }.map(\.field), ["entries"], "a weekend alone has no day to staff")
    }
}
