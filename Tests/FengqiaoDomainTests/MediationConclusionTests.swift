import FengqiaoDomain
import XCTest

final class MediationConclusionTests: XCTestCase {
    let today = CalendarFixtures.day("2026-09-10")
    let calendar = BusinessCalendar(schedules: HolidaySchedule.official)

    private func agreement(
        terms: [AgreementTermSubmission] = [AgreementTermSubmission(obligor: "被申请人", content: "支付拖欠工资", amount: "12,000.50", dueOn: "2026-09-30")],
        method: String? = "限期履行", deadline: String? = "2026-10-15"
    ) -> MediationAgreementSubmission {
        MediationAgreementSubmission(facts: "被申请人拖欠申请人三个月工资。", terms: terms, performanceMethod: method,
                                     performanceDeadline: deadline)
    }

    private func codes(_ submission: MediationConclusionSubmission) -> [String] {
        do {
            _ = try submission.validate(today: today)
            return []
        } catch {
            guard case .validation(let fields) = error else { return ["\(error)"] }
            return fields.map { "\($0.field):\($0.code)" }.sorted()
        }
    }

    func testASuccessCarriesItsAgreementWithTermsInFen() throws {
        let conclusion = try MediationConclusionSubmission(outcome: "调解成功", agreement: agreement(terms: [
            AgreementTermSubmission(obligor: "respondent", content: "支付拖欠工资", amount: "12,000.50元", dueOn: "2026-09-30"),
            AgreementTermSubmission(obligor: "申请人", content: "撤回劳动仲裁申请"),
            AgreementTermSubmission(),  // a blank form row
        ])).validate(today: today)
        XCTAssertEqual(conclusion.outcome, .succeeded)
        let agreement = try XCTUnwrap(conclusion.agreement)
        XCTAssertEqual(agreement.terms.count, 2)
        XCTAssertEqual(agreement.terms[0].amountFen, 1_200_050)
        XCTAssertEqual(agreement.terms[0].obligor, .respondent)
        XCTAssertEqual(agreement.terms[1].amountFen, nil)
        XCTAssertEqual(agreement.totalFen, 1_200_050)
        XCTAssertEqual(agreement.concludedOn, today)
        XCTAssertEqual(agreement.performanceDeadline, CalendarFixtures.day("2026-10-15"))
        XCTAssertNil(conclusion.route)
    }

    func testImmediatePerformanceNeedsNoDeadline() throws {
        let conclusion = try MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(
            terms: [AgreementTermSubmission(obligor: "被申请人", content: "当场赔偿", amount: "800")], method: "即时履行",
            deadline: nil)).validate(today: today)
        XCTAssertEqual(conclusion.agreement?.performanceDeadline, today)
    }

    func testPartialAndFailureNeedARouteAndANote() throws {
        let partial = try MediationConclusionSubmission(outcome: "部分达成", agreement: agreement(), route: "引导仲裁",
                                                        note: "经济补偿金部分未达成").validate(today: today)
        XCTAssertEqual(partial.outcome, .partial)
        XCTAssertEqual(partial.route, .arbitration)
        XCTAssertNotNil(partial.agreement)
        let failed = try MediationConclusionSubmission(outcome: "failed", route: "escalation", note: "双方分歧过大")
            .validate(today: today)
        XCTAssertEqual(failed.route, .escalation)
        XCTAssertNil(failed.agreement)
    }

    func testRejections() {
        XCTAssertEqual(codes(MediationConclusionSubmission()), ["outcome:required"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "和解")), ["outcome:unknown"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded")), ["agreement:required"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "failed")), ["note:required", "route:required"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "failed", agreement: agreement(), route: "诉讼", note: "x")),
                       ["agreement:not_allowed", "route:unknown"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(), route: "litigation")),
                       ["route:not_allowed"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "partial", agreement: agreement(), note: "x")), ["route:required"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: MediationAgreementSubmission())),
                       ["facts:required", "performanceMethod:required", "terms:required"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(terms: [
            AgreementTermSubmission(content: "支付", amount: "-5", dueOn: "2026-09-01"),
            AgreementTermSubmission(obligor: "第三人", content: String(repeating: "款", count: 301), amount: "1.234", dueOn: "2026/10/01"),
            AgreementTermSubmission(obligor: "申请人", content: "支付", amount: "100000001", dueOn: "2032-01-01"),
        ]))), [
            "terms[0].amount:invalid", "terms[0].dueOn:before_agreement", "terms[0].obligor:required",
            "terms[1].amount:invalid", "terms[1].content:too_long", "terms[1].dueOn:invalid_format", "terms[1].obligor:unknown",
            "terms[2].amount:invalid", "terms[2].dueOn:too_far",
        ])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(deadline: "2026-09-20"))),
                       ["performanceDeadline:before_terms"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(deadline: "2026-09-01"))),
                       ["performanceDeadline:before_agreement"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(deadline: nil))),
                       ["performanceDeadline:required"])
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(method: "分三年"))),
                       ["performanceMethod:unknown"])
        let many = (0...20).map { AgreementTermSubmission(obligor: "申请人", content: "条款\($0)") }
        XCTAssertEqual(codes(MediationConclusionSubmission(outcome: "succeeded", agreement: agreement(terms: many))), ["terms:too_many"])
    }

    func testMoneyTextReadsAndWritesYuan() {
        XCTAssertEqual(MoneyText.fen("12000"), 1_200_000)
        XCTAssertEqual(MoneyText.fen("12,000.5"), 1_200_050)
        XCTAssertEqual(MoneyText.fen(" 0.07元 "), 7)
        XCTAssertEqual(MoneyText.fen("100000000"), MoneyText.largestFen)
        for bad in ["", "-1", "1.234", "1e5", "壹万", "100000000.01", ".5", "5.", "99999999999999999999"] {
            XCTAssertNil(MoneyText.fen(bad), bad)
        }
        XCTAssertEqual(MoneyText.yuan(1_200_050), "12,000.50")
        XCTAssertEqual(MoneyText.yuan(7), "0.07")
        XCTAssertEqual(MoneyText.yuan(100_000_000_000), "1,000,000,000.00")
    }

    /// 30 days from the day the agreement takes effect; a last day that is a rest day or a holiday
    /// moves to the next working day, and a make-up working weekend day (调休) stays.
    func testTheJudicialConfirmationWindowFollowsTheCalendar() {
        func last(_ effective: String) -> String {
            JudicialConfirmationWindow.lastDay(effectiveOn: CalendarFixtures.day(effective), calendar: calendar).description
        }
        XCTAssertEqual(last("2026-11-02"), "2026-12-02", "a plain Wednesday")
        XCTAssertEqual(last("2026-09-01"), "2026-10-08", "1 October falls in 国庆节: the window ends on the first working day after it")
        XCTAssertEqual(last("2026-09-10"), "2026-10-10", "10 October is a Saturday worked for 国庆节 (调休): it stays")
        XCTAssertEqual(last("2026-08-21"), "2026-09-20", "20 September is a Sunday worked for 国庆节 (调休): it stays")
        XCTAssertEqual(last("2026-08-26"), "2026-09-28", "25 September is 中秋节: Friday to Sunday off, Monday it ends")
        XCTAssertEqual(last("2026-11-07"), "2026-12-07", "a Sunday moves to Monday")
        let effective = CalendarFixtures.day("2026-09-01")
        XCTAssertTrue(JudicialConfirmationWindow.isOpen(effectiveOn: effective, today: CalendarFixtures.day("2026-10-08"), calendar: calendar))
        XCTAssertFalse(JudicialConfirmationWindow.isOpen(effectiveOn: effective, today: CalendarFixtures.day("2026-10-09"), calendar: calendar))
        XCTAssertFalse(JudicialConfirmationWindow.isOpen(effectiveOn: effective, today: CalendarFixtures.day("2026-08-31"), calendar: calendar))
    }
}
