import FengqiaoDomain
import Foundation
import XCTest

/// Points given by hand: the points range and precision, the cap, the period (a month that has begun; appeals a
/// quarter too), the reasons, and an appeal's indicator fitting the unit.
final class ManualPointRulesTests: XCTestCase {
    /// 2026-11-23 10:00 Beijing time.
    let now = Date(timeIntervalSince1970: 1_795_399_200)

    func award(points: String? = "2", period: String? = "2026-11", title: String? = "矛盾纠纷多元化解经验被省委政法委推广",
               description: String? = "总结推广“一站式”调处经验,省级简报刊发", evidence: String? = "省委政法委简报第12期") -> AwardSubmission
    {
        AwardSubmission(period: period, points: points, title: title, description: description, evidence: evidence)
    }

    func fields(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch DomainError.validation(let errors) {
            return errors.map { "\($0.field):\($0.code)" }
        } catch {
            return ["\(error)"]
        }
    }

    func testAwardPointsArePositiveWithinTheCapToTheHundredth() throws {
        let valid = try award(points: "1.25").validate(cap: 5, now: now)
        XCTAssertEqual(valid.points, 1.25)
        XCTAssertEqual(valid.period.key, "2026-11")
        XCTAssertEqual(try award(points: "5").validate(cap: 5, now: now).points, 5)
        for (points, code) in [("0", "out_of_range"), ("-1", "out_of_range"), ("5.01", "out_of_range"), ("abc", "invalid_format"),
                               ("1.005", "too_precise"), ("", "required"), ("nan", "invalid_format"), ("inf", "invalid_format")] {
            XCTAssertEqual(fields { _ = try award(points: points).validate(cap: 5, now: now) }, ["points:\(code)"], points)
        }
    }

    func testAwardPeriodIsAMonthThatHasBegunAndTextsAreRequired() {
        XCTAssertEqual(fields { _ = try award(period: "2026-Q4").validate(cap: 5, now: now) }, ["period:invalid_format"])
        XCTAssertEqual(fields { _ = try award(period: "2026-13").validate(cap: 5, now: now) }, ["period:invalid_format"])
        XCTAssertEqual(fields { _ = try award(period: "2026-12").validate(cap: 5, now: now) }, ["period:not_started"])
        XCTAssertEqual(fields { _ = try award(period: nil).validate(cap: 5, now: now) }, ["period:required"])
        XCTAssertEqual(fields { _ = try award(title: " ", description: "太短", evidence: nil).validate(cap: 5, now: now) },
                       ["title:required", "description:too_short", "evidence:required"])
        XCTAssertEqual(fields { _ = try award(title: String(repeating: "长", count: 61)).validate(cap: 5, now: now) },
                       ["title:too_long"])
    }

    func testTheCapCountsWhatWasApprovedBefore() throws {
        try ManualPointRules.checkCap(adding: 2, approved: 3, cap: 5, periodLabel: "2026年11月")
        do {
            try ManualPointRules.checkCap(adding: 2.5, approved: 3, cap: 5, periodLabel: "2026年11月")
            XCTFail("over the cap")
        } catch DomainError.validation(let errors) {
            XCTAssertEqual(errors.map(\.code), ["over_cap"])
            XCTAssertTrue(errors[0].message.contains("最多还可批准 2 分"), errors[0].message)
        }
        do {
            try ManualPointRules.checkCap(adding: 0.5, approved: 5, cap: 5, periodLabel: "2026年11月")
            XCTFail("at the cap")
        } catch DomainError.validation(let errors) {
            XCTAssertTrue(errors[0].message.contains("已达上限 5 分"), errors[0].message)
        }
    }

    func testDeductionsNeedAUnitPointsReasonAndDocumentNumber() throws {
        let valid = try DeductionSubmission(unit: "township:150207001000", period: "2026-10", points: "3", reason: "群众反映问题推诿",
                                            documentNumber: "九综治通〔2026〕7号").validate(now: now)
        XCTAssertEqual(valid.unit, AssessedUnit(.township, "150207001000"))
        XCTAssertEqual(valid.points, 3)
        XCTAssertEqual(fields {
            _ = try DeductionSubmission(unit: "township:150207001001", period: "2026-Q4", points: "21", reason: "",
                                        documentNumber: nil).validate(now: now)
        }, ["unit:invalid_format", "period:invalid_format", "points:out_of_range", "reason:required", "documentNumber:required"])
        XCTAssertEqual(fields {
            _ = try DeductionSubmission(unit: nil, period: "2026-11", points: "1", reason: "x", documentNumber: "y").validate(now: now)
        }, ["unit:required"])
    }

    func testAppealsTakeAMonthOrQuarterAnIndicatorOfTheUnitKindAndTenCharactersOfReasons() throws {
        let reasons = "该件系上级交办的跨区域事项,不应计入超期"
        let valid = try AppealSubmission(period: "2026-Q4", indicator: "overdue", caseRef: " 42 ", reasons: reasons)
            .validate(unitKind: .township, now: now)
        XCTAssertEqual(valid.indicator, .overdue)
        XCTAssertEqual(valid.caseRef, "42")
        XCTAssertEqual(valid.period.kind, .quarter)
        XCTAssertEqual(fields {
            _ = try AppealSubmission(period: "2026-11", indicator: "signed_on_time", reasons: reasons).validate(unitKind: .township, now: now)
        }, ["indicator:not_applicable"])
        XCTAssertEqual(fields {
            _ = try AppealSubmission(period: "2027-Q1", indicator: "bogus", reasons: "太短了").validate(unitKind: .gridWorker, now: now)
        }, ["period:not_started", "indicator:unknown", "reasons:too_short"])
        XCTAssertEqual(fields {
            _ = try AppealSubmission(period: "2026-11", indicator: nil, reasons: nil).validate(unitKind: .department, now: now)
        }, ["indicator:required", "reasons:required"])
    }

    func testUnitsTravelAsKindColonCode() {
        XCTAssertEqual(AssessedUnit(formValue: "township:150207001000"), AssessedUnit(.township, "150207001000"))
        XCTAssertEqual(AssessedUnit(formValue: "grid_worker:17")?.formValue, "grid_worker:17")
        XCTAssertEqual(AssessedUnit(formValue: "department:3"), .department(3))
        for bad in ["township:150207001001", "township:150207000000", "department:0", "department:x", "grid_worker:", "village:1", "3"] {
            XCTAssertNil(AssessedUnit(formValue: bad), bad)
        }
    }
}
