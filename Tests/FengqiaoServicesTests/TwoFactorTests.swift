import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

final class TwoFactorTests: XCTestCase {
    func testCodesFollowTheRFC6238TestVectors() throws {
        // RFC 6238 Appendix B, SHA-1 key "12345678901234567890"; the last six of its eight digits.
        let secret = try XCTUnwrap(TOTPSecret(base32: Base32.encode(Array("12345678901234567890".utf8))))
        let vectors: [(TimeInterval, String)] = [
            (59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
            (2_000_000_000, "279037"), (20_000_000_000, "353130"),
        ]
        for (time, code) in vectors { XCTAssertEqual(secret.code(at: Date(timeIntervalSince1970: time)), code) }
        let url = secret.authenticatorURL(username: "zhang")
        XCTAssertTrue(url.hasPrefix("otpauth://totp/"), url)
        XCTAssertTrue(url.contains("secret=\(secret.base32)"), url)
        // New secrets are 20 bytes, differ, and survive base32.
        let a = TOTPSecret.random(), b = TOTPSecret.random()
        XCTAssertEqual(a.bytes.count, 20)
        XCTAssertEqual(a.base32.count, 32)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(TOTPSecret(base32: a.base32Grouped), a)
    }

    func testARequiredRoleMustEnrolBeforeTheSessionOpens() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            try await requireTwoFactor(for: [.leader], on: platform)
            let id = try await TestAccounts.create("zhou", role: .leader, in: db)
            let auth = Authentication(platform: platform)
            let halfOpen = try await auth.signIn(username: "zhou", password: TestAccounts.password, ip: "ip")
            XCTAssertEqual(halfOpen.session.stage, .enrol)
            let resumed = try await auth.resume(token: halfOpen.token)
            XCTAssertEqual(resumed?.stage, .enrol)
            let session = try XCTUnwrap(resumed)
            // The code page is not for an enrolling session.
            await XCTAssertThrowsDomainError(code: "signed_out") {
                _ = try await auth.verifyCode("123456", token: halfOpen.token, ip: "ip")
            }
            let enrolment = TOTPEnrolment(platform: platform)
            let status = try await enrolment.status(session: session)
            XCTAssertFalse(status.enabled)
            XCTAssertTrue(status.required)
            let secret = try XCTUnwrap(status.pending)
            // Showing the page again keeps the same secret (the app already scanned it).
            let again = try await enrolment.status(session: session)
            XCTAssertEqual(again.pending, secret)
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await enrolment.confirm(code: "000000", session: session, token: halfOpen.token, ip: "ip")
            }
            let signedIn = try await enrolment.confirm(
                code: secret.code(at: clock.now()), session: session, token: halfOpen.token, ip: "ip")
            let active = try XCTUnwrap(signedIn)
            XCTAssertEqual(active.session.stage, .active)
            XCTAssertNotEqual(active.session.csrfToken, session.csrfToken)
            // The token that only passed the password step no longer works; the new one does.
            do { let value = try await auth.resume(token: halfOpen.token); XCTAssertNil(value) }
            do { let value = try await auth.resume(token: active.token); XCTAssertEqual(value?.stage, .active) }
            let account = try await db.read { try await AccountRepository($0).find(id: id) }
            XCTAssertNotNil(account?.totpEnabledAt)
            XCTAssertFalse(account?.totpSecretCipher?.contains(secret.base32) ?? true, "stored sealed")
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 20) }
            XCTAssertEqual(Array(audit.map(\.action).prefix(3)), ["session.sign_in", "account.totp_enable", "session.sign_in_pending"])
            XCTAssertFalse(audit.contains { $0.summary.contains(secret.base32) || $0.summary.contains(secret.base32Grouped) })
            // The next sign-in asks for a code.
            let next = try await auth.signIn(username: "zhou", password: TestAccounts.password, ip: "ip")
            XCTAssertEqual(next.session.stage, .totp)
            // Without the requirement and without TOTP, sign-in opens at once.
            try await TestAccounts.create("wu", role: .gridWorker, in: db)
            let plain = try await auth.signIn(username: "wu", password: TestAccounts.password, ip: "ip")
            XCTAssertEqual(plain.session.stage, .active)
        }
    }

    func testCodesFromTheStepBeforeAndAfterWorkOnceTwoStepsAwayDoNot() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let secret = try await enabledAccount("chen", role: .dispatcher, on: platform)
            let auth = Authentication(platform: platform)
            func halfOpen() async throws -> String {
                let signedIn = try await auth.signIn(username: "chen", password: TestAccounts.password, ip: "ip")
                XCTAssertEqual(signedIn.session.stage, .totp)
                return signedIn.token
            }
            var token = try await halfOpen()
            do { let value = try await auth.resume(token: token); XCTAssertEqual(value?.stage, .totp) }
            let now = clock.now()
            // Two steps away either side: refused.
            for offset in [-60.0, 60.0] {
                await XCTAssertThrowsDomainError(code: "validation_failed") {
                    _ = try await auth.verifyCode(secret.code(at: now.addingTimeInterval(offset)), token: token, ip: "ip")
                }
            }
            // The previous step's code: accepted.
            let previous = secret.code(at: now.addingTimeInterval(-30))
            let signedIn = try await auth.verifyCode(previous, token: token, ip: "ip")
            XCTAssertEqual(signedIn.session.stage, .active)
            do { let value = try await auth.resume(token: signedIn.token); XCTAssertEqual(value?.stage, .active) }
            do { let value = try await auth.resume(token: token); XCTAssertNil(value, "the half-open token is replaced") }
            // The same code again: refused as reused.
            token = try await halfOpen()
            do {
                _ = try await auth.verifyCode(previous, token: token, ip: "ip")
                XCTFail("a code worked twice")
            } catch DomainError.validation(let errors) {
                XCTAssertEqual(errors.first?.code, "code_reused")
            }
            // The next step's code: accepted; then the current step's is refused (it is before the next one).
            let nextStep = secret.code(at: now.addingTimeInterval(30))
            _ = try await auth.verifyCode(nextStep, token: token, ip: "ip")
            token = try await halfOpen()
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await auth.verifyCode(secret.code(at: now), token: token, ip: "ip")
            }
            // A minute later the current code works.
            clock.advance(minutes: 1)
            _ = try await auth.verifyCode(secret.code(at: clock.now()), token: token, ip: "ip")
            let failures = try await db.read {
                try await AuditRepository($0, kind: db.kind).latest(action: "session.totp_failed", limit: 10)
            }
            XCTAssertEqual(failures.count, 4)
            XCTAssertTrue(failures.contains { $0.summary == #"{"reason":"reused"}"# })
        }
    }

    func testWrongCodesCountTowardsTheLockoutAndAPasswordAloneDoesNotResetIt() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let secret = try await enabledAccount("he", role: .leader, on: platform)
            let auth = Authentication(platform: platform)
            var token = try await auth.signIn(username: "he", password: TestAccounts.password, ip: "ip").token
            for _ in 0..<3 {
                await XCTAssertThrowsDomainError(code: "validation_failed") {
                    _ = try await auth.verifyCode("000000", token: token, ip: "ip")
                }
            }
            // Signing in again with the password does not clear the three failures.
            token = try await auth.signIn(username: "he", password: TestAccounts.password, ip: "ip").token
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await auth.verifyCode("000000", token: token, ip: "ip")
            }
            await XCTAssertThrowsDomainError(code: "too_many_attempts") {
                _ = try await auth.verifyCode("000000", token: token, ip: "ip")
            }
            do { let value = try await auth.resume(token: token); XCTAssertNil(value, "locked: the half-open session ends") }
            await XCTAssertThrowsDomainError(code: "too_many_attempts") {
                _ = try await auth.signIn(username: "he", password: TestAccounts.password, ip: "ip")
            }
            clock.advance(minutes: 15)
            token = try await auth.signIn(username: "he", password: TestAccounts.password, ip: "ip").token
            let signedIn = try await auth.verifyCode(secret.code(at: clock.now()), token: token, ip: "ip")
            XCTAssertEqual(signedIn.session.staff.username, "he")
        }
    }

    func testOnlyTheSecurityAdminResetsAndOnlyInsideTheJurisdiction() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            _ = try await enabledAccount("lin", role: .mediator, on: platform)
            let lin = try await db.read { try await AccountRepository($0).find(username: "lin") }
            let linID = try XCTUnwrap(lin?.id)
            let far = try await TestAccounts.create("far", role: .mediator, area: "150203000000", in: db)
            let auth = Authentication(platform: platform)
            let linSession = try await auth.signIn(username: "lin", password: TestAccounts.password, ip: "ip")
            let admin = try await caller("sec", role: .securityAdmin, on: platform)
            let leader = try await caller("lead", role: .leader, on: platform)
            let enrolment = TOTPEnrolment(platform: platform)
            await XCTAssertThrowsDomainError(code: "forbidden") { try await enrolment.reset(accountID: linID, by: leader) }
            await XCTAssertThrowsDomainError(code: "not_found") { try await enrolment.reset(accountID: far, by: admin) }
            await XCTAssertThrowsDomainError(code: "not_found") { try await enrolment.reset(accountID: 9_999, by: admin) }
            try await enrolment.reset(accountID: linID, by: admin)
            let after = try await db.read { try await AccountRepository($0).find(id: linID) }
            XCTAssertNil(after?.totpSecretCipher)
            XCTAssertNil(after?.totpEnabledAt)
            do { let value = try await auth.resume(token: linSession.token); XCTAssertNil(value, "sessions end on reset") }
            let plain = try await auth.signIn(username: "lin", password: TestAccounts.password, ip: "ip")
            XCTAssertEqual(plain.session.stage, .active)
            let audit = try await db.read {
                try await AuditRepository($0, kind: db.kind).latest(action: "account.totp_reset", limit: 5)
            }
            XCTAssertEqual(audit.map(\.objectId), [String(linID)])
            XCTAssertEqual(audit.first?.actor, "sec")
        }
    }

    func testDisablingNeedsACurrentCodeAndARoleThatDoesNotRequireIt() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let secret = try await enabledAccount("guo", role: .assessor, on: platform)
            let guo = try await caller("guo", existing: true, role: .assessor, on: platform)
            let enrolment = TOTPEnrolment(platform: platform)
            try await requireTwoFactor(for: [.assessor], on: platform)
            await XCTAssertThrowsDomainError(code: "totp_required") {
                try await enrolment.disable(code: secret.code(at: clock.now()), caller: guo)
            }
            try await requireTwoFactor(for: [], on: platform)
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                try await enrolment.disable(code: "000000", caller: guo)
            }
            try await enrolment.disable(code: secret.code(at: clock.now()), caller: guo)
            await XCTAssertThrowsDomainError(code: "totp_not_enabled") {
                try await enrolment.disable(code: secret.code(at: clock.now()), caller: guo)
            }
            let plain = try await Authentication(platform: platform).signIn(
                username: "guo", password: TestAccounts.password, ip: "ip")
            XCTAssertEqual(plain.session.stage, .active)
        }
    }

    // MARK: helpers

    /// Makes `username` with two-factor sign-in switched on (as if enrolled at step 0); returns its secret.
    private func enabledAccount(_ username: String, role: Role, on platform: Platform) async throws -> TOTPSecret {
        let id = try await TestAccounts.create(username, role: role, in: platform.database)
        let secret = TOTPSecret.random()
        let sealed = try platform.cipher.seal(secret.base32)
        try await platform.database.write { db in
            try await AccountRepository(db).setPendingTOTP(id: id, secretCipher: sealed)
            try await AccountRepository(db).enableTOTP(id: id, at: 0, step: 0)
        }
        return secret
    }

    private func caller(_ username: String, existing: Bool = false, role: Role, on platform: Platform) async throws
        -> Caller
    {
        let id: Int64
        if existing {
            id = try await platform.database.read { try await AccountRepository($0).find(username: username)?.id } ?? 0
        } else {
            id = try await TestAccounts.create(username, role: role, in: platform.database)
        }
        return Caller(staff: Staff(accountID: id, username: username, displayName: username, role: role,
                                   jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))),
                      ip: "ip")
    }

    private func requireTwoFactor(for roles: [Role], on platform: Platform) async throws {
        let admin = Caller(staff: Staff(accountID: 0, username: "policy.admin", displayName: "安全管理员",
                                        role: .securityAdmin,
                                        jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.city)))),
                           ip: "ip")
        var submission = SecurityPolicySubmission(SecurityPolicy())
        submission.twoFactorRoles = roles.map(\.rawValue)
        try await SecurityPolicyStore(platform: platform).save(submission, by: admin)
    }
}
