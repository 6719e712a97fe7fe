import FengqiaoDomain
import Foundation
import XCTest

/// The reception desk's channel details: each channel's required fields, the caller's number, the time
/// of a call and the date of a letter.
final class IntakeDetailsTests: XCTestCase {
    /// 2026-03-10 10:00 Beijing time.
    let now = Date(timeIntervalSince1970: 1_773_108_000)

    private func codes(_ submission: IntakeDetailsSubmission) -> [String: String] {
        do {
            let details = try submission.validate(now: now)
            XCTFail("expected a validation error, got \(details)")
            return [:]
        } catch {
            guard case .validation(let errors) = error else { XCTFail("\(error)"); return [:] }
            XCTAssertTrue(errors.allSatisfy { !$0.message.isEmpty })
            return Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        }
    }

    func testAWalkInNeedsItsNumberOfVisitors() throws {
        let details = try IntakeDetailsSubmission(channel: "walkIn", visitors: " 3 ", callerPhone: "bad").validate(now: now)
        XCTAssertEqual(details, IntakeDetails(channel: .walkIn, visitors: 3))
        XCTAssertEqual(details.reportedAt(registeredAt: now), now)
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "walkIn")), ["visitors": "required"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "walkIn", visitors: "0")), ["visitors": "out_of_range"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "walkIn", visitors: "两人")), ["visitors": "out_of_range"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "walkIn", visitors: "10000")), ["visitors": "out_of_range"])
    }

    func testACallNeedsAValidNumberAndAPastTime() throws {
        let details = try IntakeDetailsSubmission(channel: "phone", callerPhone: "138 1234 5678", calledAt: "2026-03-10T09:30")
            .validate(now: now)
        XCTAssertEqual(details.callerPhone?.rawValue, "13812345678")
        XCTAssertEqual(details.calledAt, now.addingTimeInterval(-1800))
        XCTAssertEqual(details.reportedAt(registeredAt: now), now.addingTimeInterval(-1800))
        let landline = try IntakeDetailsSubmission(channel: "phone", callerPhone: "0472-1234567",
                                                   calledAt: "2026-03-10T01:30:00Z").validate(now: now)
        XCTAssertEqual(landline.calledAt, now.addingTimeInterval(-30 * 60))
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "phone")), ["callerPhone": "required", "calledAt": "required"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "phone", callerPhone: "12345", calledAt: "2026-03-10T09:30")),
                       ["callerPhone": "invalid_format"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "phone", callerPhone: "13812345678", calledAt: "2026-03-10T10:01")),
                       ["calledAt": "in_future"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "phone", callerPhone: "13812345678", calledAt: "2025-03-01T10:00")),
                       ["calledAt": "too_old"])
        for bad in ["昨天上午", "2026-03-10 25:00", "2026-02-30T09:00", "2026-03-10T9:30"] {
            XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "phone", callerPhone: "13812345678", calledAt: bad)),
                           ["calledAt": "invalid_format"], bad)
        }
    }

    func testALetterNeedsARealDateNotAfterToday() throws {
        let details = try IntakeDetailsSubmission(channel: "letter", letterDate: "2026-03-10").validate(now: now)
        XCTAssertEqual(details.letterDate, "2026-03-10")
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "letter")), ["letterDate": "required"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "letter", letterDate: "2026-03-11")), ["letterDate": "in_future"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "letter", letterDate: "2024-12-31")), ["letterDate": "too_old"])
        for bad in ["2026-02-30", "2026/03/01", "3月1日", "20260301"] {
            XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "letter", letterDate: bad)), ["letterDate": "invalid_format"], bad)
        }
    }

    func testOnlyTheDesksChannelsAreTaken() {
        XCTAssertEqual(codes(IntakeDetailsSubmission()), ["channel": "required"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "qrCode")), ["channel": "invalid_choice"])
        XCTAssertEqual(codes(IntakeDetailsSubmission(channel: "fax")), ["channel": "invalid_choice"])
    }
}
