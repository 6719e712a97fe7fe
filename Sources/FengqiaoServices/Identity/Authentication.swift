import FengqiaoDomain
import FengqiaoStore
import Foundation
import HummingbirdBcrypt

/// Sign-in, session checks and sign-out, under the security policy in force. A wrong password, an
/// unknown user and a disabled account get the same answer after the same bcrypt work, so the answer
/// tells nothing about which it was. When the account uses two-factor sign-in (or its role requires
/// it and it has none yet), a correct password opens only a half-open session (`SessionStage`).
public struct Authentication: Sendable {
    let platform: Platform

    public init(platform: Platform) {
        self.platform = platform
    }

    /// A new session: the token for the cookie (shown once, stored only hashed) and the session.
    public struct SignedIn: Sendable {
        public let token: String
        public let session: ActiveSession
        public let expiresAt: Date
    }

    static let badCredentials = DomainError.unauthenticated(code: "bad_credentials", message: "用户名或密码错误")
    static let signedOut = DomainError.unauthenticated(code: "signed_out", message: "请先登录")
    /// Verified against when there is no account, so unknown users cost the same time.
    static let decoyHash = Bcrypt.hash("fengqiao-decoy-password", cost: 10)
    /// How long a half-open session waits for its second step.
    static let halfOpenMilliseconds: Int64 = 15 * 60_000

    public func signIn(username rawUsername: String, password: String, ip: String) async throws -> SignedIn {
        let username = rawUsername.trimmingCharacters(in: .whitespaces)
        let nowMs = platform.clock.now().millisecondsSince1970
        let policy = try await platform.securityPolicy()
        let account = try await platform.database.read { try await AccountRepository($0).find(username: username) }
        let matches = Bcrypt.verify(password, hash: account?.passwordHash ?? Self.decoyHash)
        guard let account, let id = account.id, account.status == "active" else {
            try await audit(.init(actorID: account?.id, actor: "anonymous", role: "", ip: ip,
                                  action: "session.sign_in_failed", objectType: "account", objectID: username), nowMs)
            throw Self.badCredentials
        }
        if let lockedUntil = account.lockedUntil, lockedUntil > nowMs {
            throw DomainError.tooManyAttempts(retryAfterSeconds: Int((lockedUntil - nowMs + 999) / 1000))
        }
        var entry = AuditEntry(actorID: id, actor: username, role: account.role, ip: ip,
                               action: "session.sign_in_failed", objectType: "account", objectID: String(id))
        guard matches else {
            try await recordFailure(entry, accountID: id, policy: policy, at: nowMs)
            throw Self.badCredentials
        }
        guard let staff = Self.staff(of: account) else {
            throw DomainError.conflict(code: "account_misconfigured", message: "账号所属区域无效,请联系系统管理员")
        }
        let stage: SessionStage = account.totpEnabledAt != nil
            ? .totp : policy.twoFactorRoles.contains(staff.role) ? .enrol : .active
        let token = SessionToken.random()
        let lifetimeEnd = nowMs + Int64(policy.sessionLifetimeHours) * 3_600_000
        let expiresAt = stage == .active ? lifetimeEnd : min(lifetimeEnd, nowMs + Self.halfOpenMilliseconds)
        let record = SessionRecord(tokenHash: SessionToken.hash(token), accountId: id, csrfToken: SessionToken.random(),
                                   ip: ip, createdAt: nowMs, lastSeenAt: nowMs, expiresAt: expiresAt,
                                   stage: stage.rawValue)
        // A half-open session leaves the failure count alone: a password alone must not reset the
        // lockout that wrong codes count towards.
        entry.action = stage == .active ? "session.sign_in" : "session.sign_in_pending"
        entry.summary = stage == .active ? "{}" : #"{"stage":"\#(stage.rawValue)"}"#
        let signInEntry = entry
        try await platform.database.write { db in
            if stage == .active { try await AccountRepository(db).recordSuccessfulLogin(id: id, at: nowMs) }
            try await SessionRepository(db).insert(record)
            try await AuditTrail.append(signInEntry, at: nowMs, in: db, kind: platform.database.kind)
        }
        return SignedIn(token: token, session: ActiveSession(staff: staff, csrfToken: record.csrfToken, stage: stage),
                        expiresAt: Date(millisecondsSince1970: expiresAt))
    }

    /// The session a cookie's token belongs to, with its stage, or nil when it is unknown, idle too
    /// long, past its lifetime (as the policy now sets it), or its account was disabled.
    public func resume(token: String) async throws -> ActiveSession? {
        guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
        let hash = SessionToken.hash(token)
        let nowMs = platform.clock.now().millisecondsSince1970
        let policy = try await platform.securityPolicy()
        let idleLimit = Int64(policy.idleTimeoutMinutes) * 60_000
        let lifetime = Int64(policy.sessionLifetimeHours) * 3_600_000
        let found: (SessionRecord, AccountRecord?)?
        if let seen = platform.sessions.value(hash, now: nowMs) {
            found = (seen.session, seen.account)
        } else {
            found = try await platform.database.read { db -> (SessionRecord, AccountRecord?)? in
                guard let session = try await SessionRepository(db).find(tokenHash: hash) else { return nil }
                return (session, try await AccountRepository(db).find(id: session.accountId))
            }
            if let (session, account) = found, let account {
                platform.sessions.store(hash, SeenSession(session: session, account: account), now: nowMs)
            }
        }
        guard let (session, account) = found else { return nil }
        guard session.expiresAt > nowMs, session.createdAt + lifetime > nowMs, nowMs - session.lastSeenAt < idleLimit,
              let stage = SessionStage(rawValue: session.stage), let account, account.status == "active",
              let staff = Self.staff(of: account)
        else {
            platform.sessions.remove(hash)
            try await platform.database.write { try await SessionRepository($0).delete(tokenHash: hash) }
            return nil
        }
        // Refresh the idle clock at most once a minute: one write per minute per user, not per request.
        if nowMs - session.lastSeenAt >= 60_000 {
            try await platform.database.write { try await SessionRepository($0).touch(tokenHash: hash, at: nowMs) }
            platform.sessions.update(hash) { $0.session.lastSeenAt = nowMs }
        }
        return ActiveSession(staff: staff, csrfToken: session.csrfToken, stage: stage)
    }

    /// Ends the session of `token`.
    public func signOut(token: String, caller: Caller) async throws {
        let nowMs = platform.clock.now().millisecondsSince1970
        let hash = SessionToken.hash(token)
        platform.sessions.remove(hash)
        try await platform.database.write { db in
            try await SessionRepository(db).delete(tokenHash: hash)
            try await AuditTrail.append(
                AuditEntry(caller, action: "session.sign_out", objectType: "account",
                           objectID: String(caller.staff.accountID)),
                at: nowMs, in: db, kind: platform.database.kind)
        }
    }

    static func staff(of account: AccountRecord) -> Staff? {
        guard let id = account.id, let role = Role(rawValue: account.role), let area = AreaCode(account.areaCode)
        else { return nil }
        return Staff(accountID: id, username: account.username, displayName: account.displayName, role: role,
                     jurisdiction: Jurisdiction(root: area), departmentID: account.departmentId)
    }

    /// Counts a failed attempt (password or code) towards the account's lockout and audits `entry`.
    func recordFailure(_ entry: AuditEntry, accountID: Int64, policy: SecurityPolicy, at nowMs: Int64) async throws {
        let lockUntil = nowMs + Int64(policy.lockoutMinutes) * 60_000
        try await platform.database.write { db in
            try await AccountRepository(db).recordFailedLogin(
                id: accountID, limit: policy.lockoutThreshold, lockUntil: lockUntil)
            try await AuditTrail.append(entry, at: nowMs, in: db, kind: platform.database.kind)
        }
    }

    private func audit(_ entry: AuditEntry, _ at: Int64) async throws {
        _ = try await platform.database.write { db in
            try await AuditTrail.append(entry, at: at, in: db, kind: platform.database.kind)
        }
    }
}
