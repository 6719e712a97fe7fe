import FengqiaoDomain
import Foundation
import XCTest

/// The case policy: its defaults, its stored form, the administrator's submission with field-level
/// Chinese errors, and the switch for escalating when a tier's attempts are used up.
final class CasePolicyTests: XCTestCase {
    typealias F = WorkflowFixture

    func testDefaults() {
        let policy = CasePolicy()
        XCTAssertEqual(MediationTier.allCases.map(policy.tierLimit(at:)),
                       [.workingDays(3), .workingDays(10), .workingDays(15), .calendarDays(30), .calendarDays(30)])
        XCTAssertEqual(MediationTier.allCases.map(policy.attemptLimit(at:)), [3, 3, 3, 3, 3])
        XCTAssertEqual(policy.checkInLimit(for: .urgent), .minutes(30))
        XCTAssertEqual(policy.checkInLimit(for: .critical), .minutes(30))
        XCTAssertEqual(policy.checkInLimit(for: .normal), .workingDays(1))
        XCTAssertEqual(policy.returnWindow, .workingHours(2))
        XCTAssertTrue(policy.escalatesWhenAttemptsExhausted)
        XCTAssertTrue(policy.escalatesWhenTierOverdue)
        XCTAssertEqual(policy.reopenLimit, 2)
        XCTAssertEqual(policy.problems(), [])
    }

    func testStoredFormRoundTripsAndOlderFormsTakeDefaults() throws {
        var policy = CasePolicy(attemptLimits: [.grid: 2], reopenLimit: 1)
        policy.tierLimits[.village] = .workingDays(7)
        policy.escalatesWhenTierOverdue = false
        let data = try JSONEncoder().encode(policy)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""village":{"amount":7,"unit":"workingDays"}"#) || text.contains(#""village":{"unit":"workingDays","amount":7}"#), text)
        XCTAssertEqual(try JSONDecoder().decode(CasePolicy.self, from: data), policy)
        let older = try JSONDecoder().decode(CasePolicy.self, from: Data(#"{"defaultAttemptLimit":4,"reopenLimit":0}"#.utf8))
        XCTAssertEqual(older, CasePolicy(defaultAttemptLimit: 4, reopenLimit: 0))
    }

    func testASubmissionOfThePolicyGivesThePolicyBack() throws {
        var policy = CasePolicy(reopenLimit: 3, urgentCheckIn: .minutes(20), normalCheckIn: .workingHours(4))
        policy.tierLimits[.grid] = .workingHours(16)
        var submission = CasePolicySubmission(policy)
        XCTAssertEqual(submission.tierLimits[.grid], .init(amount: "16", unit: "workingHours"))
        XCTAssertEqual(submission.attemptLimits[.city], "3")
        let back = try submission.validated()
        XCTAssertEqual(back.tierLimits, policy.tierLimits)
        XCTAssertEqual(back.urgentCheckIn, .minutes(20))
        XCTAssertEqual(back.normalCheckIn, .workingHours(4))
        XCTAssertEqual(back.reopenLimit, 3)
        XCTAssertEqual(MediationTier.allCases.map(back.attemptLimit(at:)), [3, 3, 3, 3, 3])
        submission.escalatesWhenTierOverdue = false
        XCTAssertFalse(try submission.validated().escalatesWhenTierOverdue)
    }

    func testEveryBadFieldIsNamedInChinese() {
        var submission = CasePolicySubmission(CasePolicy())
        submission.attemptLimits[.grid] = "三"
        submission.attemptLimits[.village] = "0"
        submission.attemptLimits[.city] = nil
        submission.tierLimits[.township] = .init(amount: "251", unit: "workingDays")
        submission.tierLimits[.county] = .init(amount: "30", unit: "fortnights")
        submission.tierLimits[.city] = .init(amount: "30", unit: "minutes")
        submission.urgentCheckIn = .init(amount: "10081", unit: "minutes")
        submission.normalCheckIn = .init(amount: "", unit: "workingDays")
        submission.returnWindow = .init(amount: "2", unit: "calendarDays")
        submission.reopenLimit = "6"
        XCTAssertThrowsError(try submission.validated()) { error in
            guard case DomainError.validation(let fields) = error else { return XCTFail("\(error)") }
            let byField = Dictionary(fields.map { ($0.field, $0) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(byField["attemptLimits.grid"]?.code, "not_a_number")
            XCTAssertEqual(byField["attemptLimits.village"]?.code, "out_of_range")
            XCTAssertEqual(byField["attemptLimits.city"]?.code, "required")
            XCTAssertEqual(byField["tierLimits.township"]?.code, "out_of_range")
            XCTAssertEqual(byField["tierLimits.county"]?.code, "invalid_choice")
            XCTAssertEqual(byField["tierLimits.city"]?.code, "invalid_choice", "a tier deadline is not written in minutes")
            XCTAssertEqual(byField["urgentCheckIn"]?.code, "out_of_range")
            XCTAssertEqual(byField["normalCheckIn"]?.code, "required")
            XCTAssertEqual(byField["returnWindow"]?.code, "invalid_choice")
            XCTAssertEqual(byField["reopenLimit"]?.code, "out_of_range")
            XCTAssertEqual(fields.count, 10, "\(fields)")
            XCTAssertTrue(fields.allSatisfy { $0.message.unicodeScalars.contains { $0.value >= 0x4E00 } })
            XCTAssertEqual(byField["attemptLimits.grid"]?.message, "“网格排查”的调解次数上限须填写整数")
            XCTAssertEqual(byField["tierLimits.township"]?.message, "“镇街会调”的调处时限须为1至250个工作日")
        }
    }

    func testTheLastFailedAttemptEscalatesOnlyWhenThePolicySaysSo() {
        let byHand = CasePolicy(attemptLimits: [.grid: 1], escalatesWhenAttemptsExhausted: false)
        let after = expectEvents(F.accepted(), .recordAttempt(outcome: .failed, note: "调解未果"), by: F.gridWorker,
                                 policy: byHand, types: ["attempt_recorded"])
        XCTAssertEqual(after.tier, .grid, "no automatic escalation")
        expectConflict(after, .recordAttempt(outcome: .failed, note: "再试"), by: F.gridWorker, policy: byHand,
                       code: "attempts_exhausted")
        let escalated = expectEvents(after, .escalate(reason: "调解次数已用完"), by: F.gridLeader, policy: byHand,
                                     types: ["escalated"])
        XCTAssertEqual(escalated.tier, .village)
        let automatic = CasePolicy(attemptLimits: [.grid: 1])
        expectEvents(F.accepted(), .recordAttempt(outcome: .failed, note: "调解未果"), by: F.gridWorker, policy: automatic,
                     types: ["attempt_recorded", "escalated"])
    }
}
