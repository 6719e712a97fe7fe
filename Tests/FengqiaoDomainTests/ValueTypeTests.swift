import FengqiaoDomain
import XCTest

final class ValueTypeTests: XCTestCase {
    func testPhoneNumbersAreValidatedAndMasked() {
        XCTAssertEqual(PhoneNumber("13812345678")?.masked, "138****5678")
        XCTAssertEqual(PhoneNumber("0472-5123456")?.masked, "0472-***3456")
        XCTAssertNil(PhoneNumber("12812345678"), "second digit must be 3–9")
        XCTAssertNil(PhoneNumber("1381234567"))
        XCTAssertNil(PhoneNumber("138123456789"))
        XCTAssertNil(PhoneNumber("abc"))
        XCTAssertNil(PhoneNumber("472-5123456"))
    }

    func testAreaCodesExtendTheirParents() throws {
        let city = try XCTUnwrap(AreaCode("150200000000"))
        XCTAssertEqual(city.child(7, at: .county)?.rawValue, "150207000000")
        let county = try XCTUnwrap(AreaCode("150207000000"))
        XCTAssertEqual(county.child(12, at: .township)?.rawValue, "150207012000")
        let village = try XCTUnwrap(AreaCode("150207012003"))
        XCTAssertEqual(village.child(5, at: .grid)?.rawValue, "150207012003005")
        XCTAssertEqual(village.child(5, at: .grid)?.child(2, at: .microGrid)?.rawValue, "150207012003005002")
        XCTAssertNil(village.child(1000, at: .grid), "sequence overflows its digits")
        XCTAssertNil(village.child(0, at: .grid))
        XCTAssertNil(village.child(1, at: .microGrid), "micro-grids sit under grids")
        XCTAssertNil(AreaCode("15020700000"))
        XCTAssertNil(AreaCode("15020700000a"))
        XCTAssertEqual(village.countyPrefix, "150207")
    }

    func testCaseNumbersFormatAndParse() throws {
        let number = try XCTUnwrap(CaseNumber(countyPrefix: "150207", year: 2026, sequence: 123))
        XCTAssertEqual(number.description, "150207-2026-000123")
        XCTAssertEqual(CaseNumber("150207-2026-000123"), number)
        XCTAssertNil(CaseNumber("150207-2026-123"))
        XCTAssertNil(CaseNumber("15020-2026-000123"))
        XCTAssertNil(CaseNumber(countyPrefix: "150207", year: 2026, sequence: 0))
        XCTAssertNil(CaseNumber(countyPrefix: "150207", year: 2026, sequence: 1_000_000))
    }

    func testTrackingCodesAvoidLookAlikesAndParseLeniently() throws {
        let code = TrackingCode(randomBytes: Array(0..<12))
        XCTAssertEqual(code.rawValue.count, 12)
        XCTAssertFalse(code.rawValue.contains { "01ILO".contains($0) })
        XCTAssertEqual(code.description.split(separator: "-").count, 3)
        let parsed = try XCTUnwrap(TrackingCode(code.description.lowercased()))
        XCTAssertEqual(parsed, code)
        XCTAssertNil(TrackingCode("K7QM-3WXP-9RT"), "too short")
        XCTAssertNil(TrackingCode("K7QM-3WXP-9RT0"), "0 is not in the alphabet")
    }

    func testChinaTimeFilesDaysInBeijingTime() {
        // 2026-11-22 16:30 UTC is already 2026-11-23 00:30 in Beijing.
        let date = Date(timeIntervalSince1970: 1_795_365_000)
        XCTAssertEqual(ChinaTime.dayString(date), "2026-11-23")
        XCTAssertEqual(ChinaTime.year(Date(timeIntervalSince1970: 1_798_732_800)), 2027, "2026-12-31 16:00 UTC is 2027 in Beijing")
    }

    func testOnlyOpenStatesAreOpen() {
        XCTAssertEqual(CaseState.allCases.filter(\.isOpen), [.reported, .accepted, .dispatched, .inProgress, .handled, .verified])
    }
}
