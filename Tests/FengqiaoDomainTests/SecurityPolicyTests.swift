import FengqiaoDomain
import Foundation
import XCTest

final class SecurityPolicyTests: XCTestCase {
    func testTheDefaultsAreValidAndRoundTripThroughJSON() throws {
        let defaults = SecurityPolicy()
        XCTAssertEqual(defaults.problems(), [])
        XCTAssertEqual(defaults.idleTimeoutMinutes, 30)
        XCTAssertEqual(defaults.twoFactorRoles, [])
        var policy = defaults
        policy.twoFactorRoles = [.securityAdmin, .leader]
        let json = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        XCTAssertTrue(json.contains(#""twoFactorRoles":["leader","securityAdmin"]"#), json)
        XCTAssertEqual(try JSONDecoder().decode(SecurityPolicy.self, from: Data(json.utf8)), policy)
        // A policy stored before a setting existed keeps that setting's default.
        let old = try JSONDecoder().decode(SecurityPolicy.self, from: Data(#"{"lockoutThreshold":7}"#.utf8))
        XCTAssertEqual(old.lockoutThreshold, 7)
        XCTAssertEqual(old.sessionLifetimeHours, 12)
        XCTAssertEqual(old.twoFactorRoles, [])
    }

    func testASubmissionWithinTheRangesBecomesThePolicy() throws {
        let submission = SecurityPolicySubmission(
            minimumLength: "12", minimumClasses: "4", lockoutThreshold: "3", lockoutMinutes: "1440",
            idleTimeoutMinutes: " 5 ", sessionLifetimeHours: "24", twoFactorRoles: ["leader", "securityAdmin"])
        let policy = try submission.validated()
        XCTAssertEqual(policy, SecurityPolicy(
            password: PasswordPolicy(minimumLength: 12, minimumClasses: 4), lockoutThreshold: 3, lockoutMinutes: 1440,
            idleTimeoutMinutes: 5, sessionLifetimeHours: 24, twoFactorRoles: [.leader, .securityAdmin]))
        XCTAssertEqual(try SecurityPolicySubmission(policy).validated(), policy)
    }

    func testEveryFieldOutOfRangeMissingOrNotANumberIsReportedInChinese() {
        let cases: [(SecurityPolicySubmission, String, String)] = [
            (valid(minimumLength: "7"), "minimumLength", "out_of_range"),
            (valid(minimumLength: "65"), "minimumLength", "out_of_range"),
            (valid(minimumClasses: "0"), "minimumClasses", "out_of_range"),
            (valid(minimumClasses: "5"), "minimumClasses", "out_of_range"),
            (valid(lockoutThreshold: "2"), "lockoutThreshold", "out_of_range"),
            (valid(lockoutThreshold: "21"), "lockoutThreshold", "out_of_range"),
            (valid(lockoutMinutes: "0"), "lockoutMinutes", "out_of_range"),
            (valid(lockoutMinutes: "1441"), "lockoutMinutes", "out_of_range"),
            (valid(idleTimeoutMinutes: "4"), "idleTimeoutMinutes", "out_of_range"),
            (valid(idleTimeoutMinutes: "241"), "idleTimeoutMinutes", "out_of_range"),
            (valid(sessionLifetimeHours: "0"), "sessionLifetimeHours", "out_of_range"),
            (valid(sessionLifetimeHours: "25"), "sessionLifetimeHours", "out_of_range"),
            (valid(idleTimeoutMinutes: ""), "idleTimeoutMinutes", "required"),
            (valid(lockoutMinutes: "-5"), "lockoutMinutes", "not_a_number"),
            (valid(lockoutMinutes: "3.5"), "lockoutMinutes", "not_a_number"),
            (valid(lockoutMinutes: "99999999999999999999"), "lockoutMinutes", "not_a_number"),
            (valid(roles: ["leader", "emperor"]), "twoFactorRoles", "invalid_choice"),
        ]
        for (submission, field, code) in cases {
            do {
                _ = try submission.validated()
                XCTFail("accepted \(field) \(submission)")
            } catch {
                guard case .validation(let errors) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(errors.map(\.field), [field])
                XCTAssertEqual(errors.first?.code, code, field)
                XCTAssertTrue(errors.allSatisfy { $0.message.unicodeScalars.contains { $0.value >= 0x4E00 } })
            }
        }
        XCTAssertEqual(SecurityPolicy(idleTimeoutMinutes: 300).problems().first?.message, "空闲超时应在5到240分钟之间")
    }

    private func valid(
        minimumLength: String = "8", minimumClasses: String = "3", lockoutThreshold: String = "5",
        lockoutMinutes: String = "15", idleTimeoutMinutes: String = "30", sessionLifetimeHours: String = "12",
        roles: [String] = []
    ) -> SecurityPolicySubmission {
        SecurityPolicySubmission(
            minimumLength: minimumLength, minimumClasses: minimumClasses, lockoutThreshold: lockoutThreshold,
            lockoutMinutes: lockoutMinutes, idleTimeoutMinutes: idleTimeoutMinutes,
            sessionLifetimeHours: sessionLifetimeHours, twoFactorRoles: roles)
    }
}
