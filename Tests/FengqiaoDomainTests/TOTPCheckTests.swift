import FengqiaoDomain
import Foundation
import XCTest

final class TOTPCheckTests: XCTestCase {
    /// A stand-in for HMAC: distinct codes for neighbouring steps.
    static func code(_ step: Int64) -> Int { Int((step &* 7_919 &+ 12_345) % 1_000_000) }
    static func typed(_ step: Int64) -> String { TOTPCheck.format(code(step)) }

    /// 2026-11-23 02:00:10 UTC: 10 s into step 59_846_640.
    let now = Date(timeIntervalSince1970: 1_795_399_210)
    var current: Int64 { TOTPCheck.step(at: now) }

    func testStepsAreThirtySecondsSinceTheEpoch() {
        XCTAssertEqual(TOTPCheck.step(at: Date(timeIntervalSince1970: 59)), 1)
        XCTAssertEqual(TOTPCheck.step(at: Date(timeIntervalSince1970: 60)), 2)
        XCTAssertEqual(current, 59_846_640)
    }

    func testTheCurrentPreviousAndNextStepAreAcceptedTwoStepsAwayIsNot() {
        for offset: Int64 in [-1, 0, 1] {
            let outcome = TOTPCheck.check(Self.typed(current + offset), now: now, lastAcceptedStep: nil, codeOfStep: Self.code)
            XCTAssertEqual(outcome, .accepted(step: current + offset), "offset \(offset)")
        }
        for offset: Int64 in [-3, -2, 2, 3] {
            let outcome = TOTPCheck.check(Self.typed(current + offset), now: now, lastAcceptedStep: nil, codeOfStep: Self.code)
            XCTAssertEqual(outcome, .wrong, "offset \(offset)")
        }
    }

    func testACodeIsAcceptedOnceAndNoEarlierStepAfterIt() {
        let first = TOTPCheck.check(Self.typed(current), now: now, lastAcceptedStep: nil, codeOfStep: Self.code)
        XCTAssertEqual(first, .accepted(step: current))
        // The same code again, and the previous step's code, are reused; the next step's is fresh.
        XCTAssertEqual(TOTPCheck.check(Self.typed(current), now: now, lastAcceptedStep: current, codeOfStep: Self.code),
                       .reused)
        XCTAssertEqual(TOTPCheck.check(Self.typed(current - 1), now: now, lastAcceptedStep: current, codeOfStep: Self.code),
                       .reused)
        XCTAssertEqual(TOTPCheck.check(Self.typed(current + 1), now: now, lastAcceptedStep: current, codeOfStep: Self.code),
                       .accepted(step: current + 1))
        // Thirty seconds later the used code is still in the window, and still refused.
        let later = now.addingTimeInterval(30)
        XCTAssertEqual(TOTPCheck.check(Self.typed(current), now: later, lastAcceptedStep: current, codeOfStep: Self.code),
                       .reused)
    }

    func testTypedCodesMayHaveSpacesButMustBeSixDigits() {
        let code = Self.typed(current)
        let spaced = String(code.prefix(3)) + " " + String(code.suffix(3))
        XCTAssertEqual(TOTPCheck.check(spaced, now: now, lastAcceptedStep: nil, codeOfStep: Self.code),
                       .accepted(step: current))
        for bad in ["", "12345", "1234567", "12a456", "１２３４５６", String(code.dropLast())] {
            XCTAssertEqual(TOTPCheck.check(bad, now: now, lastAcceptedStep: nil, codeOfStep: Self.code), .wrong, bad)
        }
        XCTAssertEqual(TOTPCheck.format(42), "000042")
    }

    func testBase32FollowsRFC4648() {
        let vectors = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
                       ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base32.encode(Array(plain.utf8)), encoded)
            XCTAssertEqual(Base32.decode(encoded), Array(plain.utf8))
            XCTAssertEqual(Base32.decode(encoded.lowercased() + "===="), Array(plain.utf8))
        }
        XCTAssertEqual(Base32.decode("MZXW 6YTB"), Array("fooba".utf8))
        XCTAssertNil(Base32.decode("MZXW1"))  // 1 is not in the alphabet
        XCTAssertNil(Base32.decode("M"))  // no encoder ends with one character
    }
}
