import FengqiaoDomain
import XCTest

/// The two-month windows, the new-round form's checks and the call outcomes.
final class SurveyRoundRulesTests: XCTestCase {
    // 2026-11-24 12:00 Beijing time.
    let now = Date(timeIntervalSince1970: 1_795_492_800)

    func testBimonthlyWindowsInChinaTime() throws {
        let sixth = try XCTUnwrap(SurveyPeriod(year: 2026, number: 6))
        XCTAssertEqual(sixth.firstDay, "2026-11-01")
        XCTAssertEqual(sixth.lastDay, "2026-12-31")
        XCTAssertEqual(sixth.start, Date(timeIntervalSince1970: 1_793_462_400))  // 2026-10-31T16:00Z
        XCTAssertEqual(sixth.label, "2026年第6期")
        XCTAssertEqual(sixth.defaultTitle, "2026年第6期群众安全感满意度电话调查")
        XCTAssertEqual(try XCTUnwrap(SurveyPeriod(year: 2026, number: 1)).lastDay, "2026-02-28")
        XCTAssertNil(SurveyPeriod(year: 2026, number: 0))
        XCTAssertNil(SurveyPeriod(year: 2026, number: 7))
        XCTAssertTrue(SurveyPeriod.numbered(containing: now) == (2026, 6))
    }

    func submission(year: String? = "2026", period: String? = "5", source: String? = "closed_cases",
                    per: String? = "30", title: String? = nil) -> SurveyRoundSubmission {
        SurveyRoundSubmission(title: title, areaCode: "150207000000", year: year, period: period, source: source, perTownship: per)
    }

    func fields(_ s: SurveyRoundSubmission) -> [String] {
        do {
            _ = try s.validate(now: now)
            return []
        } catch {
            guard case .validation(let errors) = error else { return ["?"] }
            return errors.map { "\($0.field)/\($0.code)" }
        }
    }

    func testAValidRoundTakesTheDefaultTitle() throws {
        let round = try submission().validate(now: now)
        XCTAssertEqual(round.title, "2026年第5期群众安全感满意度电话调查")
        XCTAssertEqual(round.source, .closedCases)
        XCTAssertEqual(round.perTownship, 30)
        XCTAssertEqual(try submission(period: "6", title: " 专项回访 ").validate(now: now).title, "专项回访")
    }

    func testInvalidWindowsSourcesAndSizesAreFieldErrors() {
        XCTAssertEqual(fields(submission(period: "7")), ["period/invalid"])
        XCTAssertEqual(fields(submission(period: "x")), ["period/invalid"])
        XCTAssertEqual(fields(submission(period: "")), ["period/required"])
        XCTAssertEqual(fields(submission(year: "2027", period: "1")), ["period/not_started"])
        XCTAssertEqual(fields(submission(year: "1999")), ["year/invalid"])
        XCTAssertEqual(fields(submission(source: "everyone")), ["source/invalid"])
        XCTAssertEqual(fields(submission(source: nil)), ["source/required"])
        XCTAssertEqual(fields(submission(per: "0")), ["perTownship/invalid"])
        XCTAssertEqual(fields(submission(per: "1001")), ["perTownship/invalid"])
        XCTAssertEqual(fields(submission(title: String(repeating: "调", count: 101))), ["title/too_long"])
        XCTAssertEqual(fields(SurveyRoundSubmission(areaCode: nil, year: nil, period: nil, source: nil, perTownship: nil)),
                       ["areaCode/required", "year/required", "source/required", "perTownship/invalid"])
    }

    func testCallOutcomesParseAndCountAttempts() throws {
        XCTAssertEqual(try SurveyCallOutcome.parse(outcome: "refused", safety: nil, satisfaction: nil, comment: nil), .refused)
        XCTAssertEqual(try SurveyCallOutcome.parse(outcome: "answered", safety: "fairly_safe", satisfaction: "satisfied",
                                                   comment: "  路灯坏了 "),
                       .answered(safety: .fairlySafe, satisfaction: .satisfied, comment: "路灯坏了"))
        XCTAssertEqual(SurveyCallOutcome.notReached.after(attempts: 0).status, .pending)
        XCTAssertEqual(SurveyCallOutcome.notReached.after(attempts: 1).status, .pending)
        XCTAssertTrue(SurveyCallOutcome.notReached.after(attempts: 2) == (.unreachable, 3))
        XCTAssertTrue(SurveyCallOutcome.refused.after(attempts: 1) == (.refused, 2))
        func codes(_ o: String?, _ s: String?, _ m: String?, _ c: String? = nil) -> [String] {
            do {
                _ = try SurveyCallOutcome.parse(outcome: o, safety: s, satisfaction: m, comment: c)
                return []
            } catch {
                guard case .validation(let errors) = error else { return ["?"] }
                return errors.map { "\($0.field)/\($0.code)" }
            }
        }
        XCTAssertEqual(codes("answered", "very_safe", "satisfied"), ["safety/invalid"])
        XCTAssertEqual(codes("answered", "safe", "happy"), ["satisfaction/invalid"])
        XCTAssertEqual(codes("answered", nil, nil), ["safety/required", "satisfaction/required"])
        XCTAssertEqual(codes("answered", "safe", "satisfied", String(repeating: "问", count: 501)), ["comment/too_long"])
        XCTAssertEqual(codes("hung_up", nil, nil), ["outcome/invalid"])
        XCTAssertEqual(codes(nil, nil, nil), ["outcome/required"])
    }
}
