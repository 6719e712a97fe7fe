import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Setting up, switching off and resetting two-factor sign-in (TOTP). A member of staff enrols from
/// an active session of their own, or from the half-open session a role that requires it is held
/// in; the secret waits sealed in the account row until a code from the app confirms it. The
/// secret is never logged or audited.
public struct TOTPEnrolment: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Where an account stands: whether two-factor sign-in is on, whether its role requires it, and,
    /// while it is off, the secret to add to an authenticator app.
    public struct Status: Sendable {
        public let enabled: Bool
        public let required: Bool
        public let pending: TOTPSecret?
        public let authenticatorURL: String?
    }

    static let alreadyEnabled = DomainError.conflict(code: "totp_already_enabled", message: "两步验证已启用")

    /// The status for the account of `session` (active, or half-open at `.enrol`); while two-factor
    /// sign-in is off, the pending secret, made and stored now when there is none.
    public func status(session: ActiveSession) async throws -> Status {
        try Self.requireMayEnrol(session)
        let policy = try await platform.securityPolicy()
        let required = policy.twoFactorRoles.contains(session.staff.role)
        let accountID = session.staff.accountID
        let cipher = platform.cipher
        let account = try await platform.database.write { db -> AccountRecord in
            let repository = AccountRepository(db)
            guard var account = try await repository.find(id: accountID) else { throw Authentication.signedOut }
            if account.totpEnabledAt == nil, account.totpSecretCipher.flatMap({ Self.secret($0, cipher) }) == nil {
                let sealed = try cipher.seal(TOTPSecret.random().base32)
                try await repository.setPendingTOTP(id: accountID, secretCipher: sealed)
                account.totpSecretCipher = sealed
            }
            return account
        }
        guard account.totpEnabledAt == nil, let sealed = account.totpSecretCipher, let secret = Self.secret(sealed, cipher)
        else { return Status(enabled: true, required: required, pending: nil, authenticatorURL: nil) }
        return Status(enabled: false, required: required, pending: secret,
                      authenticatorURL: secret.authenticatorURL(username: account.username))
    }

    /// Switches two-factor sign-in on when `code` is the pending secret's current code. For a
    /// half-open `.enrol` session this completes sign-in: the session becomes active under a new
    /// token, returned for the cookie; for an active session, nil.
    public func confirm(code: String, session: ActiveSession, token: String, ip: String) async throws
        -> Authentication.SignedIn?
    {
        try Self.requireMayEnrol(session)
        let now = platform.clock.now()
        let nowMs = now.millisecondsSince1970
        let policy = try await platform.securityPolicy()
        let accountID = session.staff.accountID
        let account = try await platform.database.read { try await AccountRepository($0).find(id: accountID) }
        guard let account, account.status == "active" else { throw Authentication.signedOut }
        guard account.totpEnabledAt == nil else { throw Self.alreadyEnabled }
        guard let secret = account.totpSecretCipher.flatMap({ Self.secret($0, platform.cipher) }) else {
            throw DomainError.conflict(code: "totp_not_pending", message: "密钥已失效,请刷新页面后重新扫码")
        }
        guard case .accepted(let step) = secret.check(code, now: now, lastAcceptedStep: account.totpLastStep) else {
            throw Authentication.rejection(.wrong)
        }
        let caller = Caller(staff: session.staff, ip: ip)
        let hash = SessionToken.hash(token)
        let newToken = SessionToken.random()
        let csrf = SessionToken.random()
        let kind = platform.database.kind
        defer { platform.sessions.remove(hash) }
        return try await platform.database.write { db -> Authentication.SignedIn? in
            try await AccountRepository(db).enableTOTP(id: accountID, at: nowMs, step: step)
            try await AuditTrail.append(
                AuditEntry(caller, action: "account.totp_enable", objectType: "account", objectID: String(accountID)),
                at: nowMs, in: db, kind: kind)
            guard session.stage == .enrol else { return nil }
            let current = try await SessionRepository(db).find(tokenHash: hash)
            guard let current, current.accountId == accountID else { throw Authentication.signedOut }
            let expiresAt = current.createdAt + Int64(policy.sessionLifetimeHours) * 3_600_000
            guard try await SessionRepository(db).activate(
                tokenHash: hash, newTokenHash: SessionToken.hash(newToken), csrfToken: csrf, expiresAt: expiresAt,
                at: nowMs)
            else { throw Authentication.signedOut }
            try await AccountRepository(db).recordSuccessfulLogin(id: accountID, at: nowMs)
            try await AuditTrail.append(
                AuditEntry(caller, action: "session.sign_in", objectType: "account", objectID: String(accountID),
                           summary: #"{"factor":"totp"}"#),
                at: nowMs, in: db, kind: kind)
            return Authentication.SignedIn(token: newToken, session: ActiveSession(staff: session.staff, csrfToken: csrf),
                                           expiresAt: Date(millisecondsSince1970: expiresAt))
        }
    }

    /// Switches two-factor sign-in off for the caller's own account, confirmed with a current code
    /// (so a session left open cannot quietly remove it). Refused when the role requires it. Wrong
    /// codes count towards the lockout.
    public func disable(code: String, caller: Caller) async throws {
        try caller.staff.require(.ownSignIn)
        let now = platform.clock.now()
        let nowMs = now.millisecondsSince1970
        let policy = try await platform.securityPolicy()
        guard !policy.twoFactorRoles.contains(caller.staff.role) else {
            throw DomainError.conflict(code: "totp_required", message: "您的角色须使用两步验证,不能关闭")
        }
        let accountID = caller.staff.accountID
        let account = try await platform.database.read { try await AccountRepository($0).find(id: accountID) }
        guard let account, account.totpEnabledAt != nil,
              let secret = account.totpSecretCipher.flatMap({ Self.secret($0, platform.cipher) })
        else { throw DomainError.conflict(code: "totp_not_enabled", message: "两步验证未启用") }
        if let lockedUntil = account.lockedUntil, lockedUntil > nowMs {
            throw DomainError.tooManyAttempts(retryAfterSeconds: Int((lockedUntil - nowMs + 999) / 1000))
        }
        let outcome = secret.check(code, now: now, lastAcceptedStep: account.totpLastStep)
        guard case .accepted = outcome else {
            try await Authentication(platform: platform).recordFailure(
                AuditEntry(caller, action: "account.totp_disable_failed", objectType: "account",
                           objectID: String(accountID)),
                accountID: accountID, policy: policy, at: nowMs)
            throw Authentication.rejection(outcome)
        }
        try await platform.database.write { db in
            try await AccountRepository(db).clearTOTP(id: accountID)
            try await AuditTrail.append(
                AuditEntry(caller, action: "account.totp_disable", objectType: "account", objectID: String(accountID)),
                at: nowMs, in: db, kind: platform.database.kind)
        }
    }

    /// The security admin's reset of another account's two-factor sign-in (a lost phone): the
    /// secret is removed and the account's sessions end; it enrols anew at its next sign-in when its
    /// role requires it. Accounts outside the caller's jurisdiction are "not found".
    public func reset(accountID: Int64, by caller: Caller) async throws {
        try caller.staff.require(.grantRoles)
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            guard let account = try await AccountRepository(db).find(id: accountID) else {
                throw DomainError.notFound(what: "账号")
            }
            try caller.staff.requireInside(account.areaCode, "账号")
            let wasEnabled = account.totpEnabledAt != nil
            try await AccountRepository(db).clearTOTP(id: accountID)
            try await SessionRepository(db).deleteAll(accountId: accountID)
            try await AuditTrail.append(
                AuditEntry(caller, action: "account.totp_reset", objectType: "account", objectID: String(accountID),
                           summary: #"{"username":"\#(account.username)","wasEnabled":\#(wasEnabled)}"#),
                at: nowMs, in: db, kind: kind)
        }
        platform.sessions.removeAll(accountID: accountID)
    }

    static func requireMayEnrol(_ session: ActiveSession) throws(DomainError) {
        guard session.stage == .active || session.stage == .enrol else { throw Authentication.signedOut }
    }

    static func secret(_ sealed: String, _ cipher: PersonalDataCipher) -> TOTPSecret? {
        (try? cipher.open(sealed)).flatMap(TOTPSecret.init(base32:))
    }
}
