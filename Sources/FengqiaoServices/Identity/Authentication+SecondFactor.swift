import FengqiaoDomain
import FengqiaoStore
import Foundation

extension Authentication {
    /// The answer to a code that is not the current one.
    static func rejection(_ outcome: TOTPCheck.Outcome) -> DomainError {
        let error = outcome == .reused
            ? FieldError(field: "code", code: "code_reused", message: "该验证码已使用过,请等验证器显示新的验证码后再输入")
            : FieldError(field: "code", code: "wrong_code", message: "验证码不正确,请输入验证器上当前显示的6位数字")
        return .validation([error])
    }

    /// Completes a sign-in halted at `.totp` with the code the account's authenticator shows. A
    /// wrong or reused code counts towards the lockout like a wrong password; once locked, the
    /// half-open session ends. On success the session becomes active under a new token (the cookie
    /// must be replaced) and new CSRF token.
    public func verifyCode(_ code: String, token: String, ip: String) async throws -> SignedIn {
        let now = platform.clock.now()
        let nowMs = now.millisecondsSince1970
        let policy = try await platform.securityPolicy()
        let hash = SessionToken.hash(token)
        let found = try await platform.database.read { db -> (SessionRecord, AccountRecord)? in
            guard let session = try await SessionRepository(db).find(tokenHash: hash),
                  let account = try await AccountRepository(db).find(id: session.accountId) else { return nil }
            return (session, account)
        }
        guard let (session, account) = found, session.stage == SessionStage.totp.rawValue, session.expiresAt > nowMs,
              account.status == "active", let id = account.id, let staff = Self.staff(of: account)
        else { throw Self.signedOut }
        if let lockedUntil = account.lockedUntil, lockedUntil > nowMs {
            try await endSession(hash)
            throw DomainError.tooManyAttempts(retryAfterSeconds: Int((lockedUntil - nowMs + 999) / 1000))
        }
        guard account.totpEnabledAt != nil, let sealed = account.totpSecretCipher,
              let secret = TOTPSecret(base32: try platform.cipher.open(sealed))
        else {
            // Reset by the security admin meanwhile: sign in again (and enrol, if the role requires it).
            try await endSession(hash)
            throw Self.signedOut
        }
        var entry = AuditEntry(actorID: id, actor: account.username, role: account.role, ip: ip,
                               action: "session.sign_in", objectType: "account", objectID: String(id),
                               summary: #"{"factor":"totp"}"#)
        var outcome = secret.check(code, now: now, lastAcceptedStep: account.totpLastStep)
        if case .accepted(let step) = outcome {
            let signInEntry = entry
            let newToken = SessionToken.random()
            let csrf = SessionToken.random()
            let expiresAt = session.createdAt + Int64(policy.sessionLifetimeHours) * 3_600_000
            let signedIn = try await platform.database.write { db -> SignedIn? in
                // Another request may have used the same code a moment ago.
                guard try await AccountRepository(db).acceptTOTPStep(id: id, step: step) else { return nil }
                guard try await SessionRepository(db).activate(
                    tokenHash: hash, newTokenHash: SessionToken.hash(newToken), csrfToken: csrf, expiresAt: expiresAt,
                    at: nowMs)
                else { throw Self.signedOut }
                try await AccountRepository(db).recordSuccessfulLogin(id: id, at: nowMs)
                try await AuditTrail.append(signInEntry, at: nowMs, in: db, kind: platform.database.kind)
                return SignedIn(token: newToken, session: ActiveSession(staff: staff, csrfToken: csrf),
                                expiresAt: Date(millisecondsSince1970: expiresAt))
            }
            platform.sessions.remove(hash)
            if let signedIn { return signedIn }
            outcome = .reused
        }
        entry.action = "session.totp_failed"
        entry.summary = outcome == .reused ? #"{"reason":"reused"}"# : #"{"reason":"wrong"}"#
        try await recordFailure(entry, accountID: id, policy: policy, at: nowMs)
        if account.failedLogins + 1 >= policy.lockoutThreshold {
            try await endSession(hash)
            throw DomainError.tooManyAttempts(retryAfterSeconds: policy.lockoutMinutes * 60)
        }
        throw Self.rejection(outcome)
    }

    private func endSession(_ hash: String) async throws {
        platform.sessions.remove(hash)
        try await platform.database.write { try await SessionRepository($0).delete(tokenHash: hash) }
    }
}
