import FengqiaoDomain
import XCTest

/// After the agreement: the signing day, the follow-up of performance, the hand-off to a court inside
/// the 30-day window (across 国庆节), the court's ruling, and which reminders are due when.
final class AgreementFollowUpTests: XCTestCase {
    let calendar = BusinessCalendar(schedules: HolidaySchedule.official)
    func day(_ text: String) -> CivilDate { CalendarFixtures.day(text) }

    private func codes(_ body: () throws -> Any) -> [String] {
        do {
            _ = try body()
            return []
        } catch let error as DomainError {
            switch error {
            case .validation(let fields):
                XCTAssertTrue(fields.allSatisfy { $0.message.unicodeScalars.contains { $0.value > 0x4E00 } }, "\(fields)")
                return fields.map { "\($0.field):\($0.code)" }.sorted()
            case .conflict(let code, _): return ["conflict:\(code)"]
            default: return ["\(error)"]
            }
        } catch {
            return ["\(error)"]
        }
    }

    func testTheSigningDayLiesBetweenTheAgreementAndToday() throws {
        let concluded = day("2026-09-01")
        XCTAssertEqual(try AgreementSigning.signedOn("2026-09-02", concludedOn: concluded, today: day("2026-09-03")), day("2026-09-02"))
        XCTAssertEqual(codes { try AgreementSigning.signedOn(nil, concludedOn: concluded, today: day("2026-09-03")) }, ["signedOn:required"])
        XCTAssertEqual(codes { try AgreementSigning.signedOn("2026/09/02", concludedOn: concluded, today: day("2026-09-03")) },
                       ["signedOn:invalid_format"])
        XCTAssertEqual(codes { try AgreementSigning.signedOn("2026-09-04", concludedOn: concluded, today: day("2026-09-03")) },
                       ["signedOn:in_future"])
        XCTAssertEqual(codes { try AgreementSigning.signedOn("2026-08-31", concludedOn: concluded, today: day("2026-09-03")) },
                       ["signedOn:too_early"])
        XCTAssertEqual(codes { try AgreementSigning.requireUnsigned(signedOn: concluded) }, ["conflict:agreement_signed"])
    }

    func testPerformanceFollowUps() throws {
        let concluded = day("2026-09-01"), today = day("2026-09-20")
        let done = try AgreementPerformanceSubmission(state: "已履行").validate(concludedOn: concluded, today: today)
        XCTAssertEqual(done, AgreementPerformanceUpdate(state: .performed, note: nil, day: today))
        let partly = try AgreementPerformanceSubmission(state: "partlyPerformed", note: "已付一半", day: "2026-09-15")
            .validate(concludedOn: concluded, today: today)
        XCTAssertEqual(partly.state, .partlyPerformed)
        XCTAssertEqual(partly.day, day("2026-09-15"))
        XCTAssertEqual(codes { try AgreementPerformanceSubmission().validate(concludedOn: concluded, today: today) }, ["state:required"])
        XCTAssertEqual(codes { try AgreementPerformanceSubmission(state: "pending").validate(concludedOn: concluded, today: today) },
                       ["state:unknown"])
        XCTAssertEqual(codes { try AgreementPerformanceSubmission(state: "未履行", day: "2026-08-01").validate(concludedOn: concluded, today: today) },
                       ["day:too_early", "note:required"])
        XCTAssertEqual(codes {
            try AgreementPerformanceSubmission(state: "已履行", note: String(repeating: "长", count: 1001), day: "2026-09-21")
                .validate(concludedOn: concluded, today: today)
        }, ["day:in_future", "note:too_long"])
    }

    /// Signed on 2026-09-01: day 30 is 1 October, in 国庆节, so the window ends on Thursday 8 October.
    func testTheHandOffMustFallInsideTheWindowAcrossTheHoliday() throws {
        let signed = day("2026-09-01")
        let inTime = try ConfirmationHandOffSubmission(court: "九原区人民法院")
            .validate(signedOn: signed, state: .notRequested, today: day("2026-10-08"), calendar: calendar)
        XCTAssertEqual(inTime, ConfirmationHandOff(court: "九原区人民法院", day: day("2026-10-08")))
        do {
            _ = try ConfirmationHandOffSubmission(court: "九原区人民法院")
                .validate(signedOn: signed, state: .notRequested, today: day("2026-10-09"), calendar: calendar)
            XCTFail("handed off after the window")
        } catch {
            guard case .conflict(let code, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, "confirmation_window_closed")
            XCTAssertTrue(message.contains("2026-10-08") && message.contains("2026-09-01"), message)
        }
        // A hand-off recorded late, dated inside the window, is taken.
        XCTAssertEqual(try ConfirmationHandOffSubmission(court: "法院", day: "2026-10-08")
            .validate(signedOn: signed, state: .notRequested, today: day("2026-10-12"), calendar: calendar).day, day("2026-10-08"))
        XCTAssertEqual(codes { try ConfirmationHandOffSubmission(court: "法院")
            .validate(signedOn: nil, state: .notRequested, today: day("2026-09-02"), calendar: calendar) }, ["conflict:agreement_unsigned"])
        XCTAssertEqual(codes { try ConfirmationHandOffSubmission(court: "法院")
            .validate(signedOn: signed, state: .handedOff, today: day("2026-09-02"), calendar: calendar) }, ["conflict:confirmation_requested"])
        XCTAssertEqual(codes { try ConfirmationHandOffSubmission(court: " ", day: "2026-08-31")
            .validate(signedOn: signed, state: .notRequested, today: day("2026-09-02"), calendar: calendar) }, ["court:required", "day:too_early"])
        XCTAssertEqual(codes { try ConfirmationHandOffSubmission(court: String(repeating: "院", count: 101), day: "2026-09-03")
            .validate(signedOn: signed, state: .notRequested, today: day("2026-09-02"), calendar: calendar) }, ["court:too_long", "day:in_future"])
    }

    func testTheRulingFollowsTheHandOff() throws {
        let handed = day("2026-09-10"), today = day("2026-09-30")
        let confirmed = try ConfirmationRulingSubmission(result: "确认有效", day: "2026-09-25")
            .validate(state: .handedOff, handedOn: handed, today: today)
        XCTAssertEqual(confirmed, ConfirmationRuling(result: .confirmed, day: day("2026-09-25"), note: nil))
        XCTAssertEqual(try ConfirmationRulingSubmission(result: "refused", day: "2026-09-25", note: "协议内容违反法律规定")
            .validate(state: .handedOff, handedOn: handed, today: today).result, .refused)
        XCTAssertEqual(codes { try ConfirmationRulingSubmission(result: "refused", day: "2026-09-01")
            .validate(state: .handedOff, handedOn: handed, today: today) }, ["day:too_early", "note:required"])
        XCTAssertEqual(codes { try ConfirmationRulingSubmission(result: "撤诉").validate(state: .handedOff, handedOn: handed, today: today) },
                       ["day:required", "result:unknown"])
        XCTAssertEqual(codes { try ConfirmationRulingSubmission(result: "confirmed", day: "2026-09-25")
            .validate(state: .notRequested, handedOn: nil, today: today) }, ["conflict:confirmation_not_requested"])
        XCTAssertEqual(codes { try ConfirmationRulingSubmission(result: "confirmed", day: "2026-09-25")
            .validate(state: .confirmed, handedOn: handed, today: today) }, ["conflict:confirmation_ruled"])
    }

    func testRemindersAreDueFromTheirDayWhileTheirConditionHolds() {
        let facts = AgreementReminder.Facts(performance: .pending, performanceDeadline: day("2026-10-15"),
                                            concludedOn: day("2026-09-01"), signedOn: day("2026-09-01"), confirmation: .notRequested)
        func due(_ today: String, _ f: AgreementReminder.Facts? = nil) -> [String] {
            AgreementReminder.due(f ?? facts, today: day(today), calendar: calendar).map { "\($0.reminder.rawValue)@\($0.about)" }
        }
        XCTAssertEqual(due("2026-10-01"), [], "five days before 10-08 is 10-03")
        XCTAssertEqual(due("2026-10-03"), ["confirmationClosing@2026-10-08"])
        XCTAssertEqual(due("2026-10-08"), ["confirmationClosing@2026-10-08"])
        XCTAssertEqual(due("2026-10-09"), [])
        XCTAssertEqual(due("2026-10-12"), ["performanceDue@2026-10-15"])
        XCTAssertEqual(due("2026-10-15"), ["performanceDue@2026-10-15"])
        XCTAssertEqual(due("2026-10-16"), ["performanceOverdue@2026-10-15"])
        XCTAssertEqual(due("2026-11-14"), ["performanceOverdue@2026-10-15"])
        XCTAssertEqual(due("2026-11-15"), [], "an overdue reminder missed for a month is not sent any more")
        var performed = facts
        performed.performance = .performed
        performed.confirmation = .handedOff
        XCTAssertEqual(due("2026-10-05", performed), [])
        XCTAssertEqual(due("2026-10-16", performed), [])
        var unsigned = facts
        unsigned.signedOn = nil
        XCTAssertEqual(due("2026-10-05", unsigned), [])
        var immediate = facts
        immediate.performanceDeadline = day("2026-09-02")
        XCTAssertEqual(due("2026-09-01", immediate), [], "a deadline closer than three days gets no 'due' reminder")
        XCTAssertEqual(due("2026-09-03", immediate), ["performanceOverdue@2026-09-02"])
    }

    func testTheDocumentNumberComesFromTheMediationNumber() throws {
        XCTAssertEqual(try XCTUnwrap(MediationNumber("M150207-2026-000042")).documentNumber, "〔2026〕150207调字第000042号")
    }
}
