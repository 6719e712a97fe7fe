import FengqiaoDomain
import FengqiaoStore
import Foundation
import HummingbirdBcrypt

/// Sign-in, session checks and sign-out. A wrong password, an unknown user and a disabled account
/// get the same answer after the same bcrypt work, so the answer tells nothing about which it was.
public struct Authentication: Sendable {
    let platform: Platform
    let policy: SecurityPolicy

    public init(platform: Platform, policy: SecurityPolicy = SecurityPolicy()) {
        self.platform = platform
        self.policy = policy
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

    public func signIn(username rawUsername: String, password: String, ip: String) async throws -> SignedIn {
        let username = rawUsername.trimmingCharacters(in: .whitespaces)
        let nowMs = platform.clock.now().millisecondsSince1970
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
        let entry = AuditEntry(actorID: id, actor: username, role: account.role, ip: ip,
                               action: matches ? "session.sign_in" : "session.sign_in_failed",
                               objectType: "account", objectID: String(id))
        guard matches else {
            let lockUntil = nowMs + Int64(policy.lockoutMinutes) * 60_000
            try await platform.database.write { db in
                try await AccountRepository(db).recordFailedLogin(id: id, limit: policy.lockoutThreshold, lockUntil: lockUntil)
                try await AuditTrail.append(entry, at: nowMs, in: db, kind: platform.database.kind)
            }
            throw Self.badCredentials
        }
        guard let staff = Self.staff(of: account) else {
            throw DomainError.conflict(code: "account_misconfigured", message: "账号所属区域无效,请联系系统管理员")
        }
        let token = SessionToken.random()
        let expiresAt = nowMs + Int64(policy.sessionLifetimeHours) * 3_600_000
        let record = SessionRecord(tokenHash: SessionToken.hash(token), accountId: id, csrfToken: SessionToken.random(),
                                   ip: ip, createdAt: nowMs, lastSeenAt: nowMs, expiresAt: expiresAt)
        try await platform.database.write { db in
            try await AccountRepository(db).recordSuccessfulLogin(id: id, at: nowMs)
            try await SessionRepository(db).insert(record)
            try await AuditTrail.append(entry, at: nowMs, in: db, kind: platform.database.kind)
        }
        return SignedIn(token: token, session: ActiveSession(staff: staff, csrfToken: record.csrfToken),
                        expiresAt: Date(millisecondsSince1970: expiresAt))
    }

    /// The session a cookie's token belongs to, or nil when it is unknown, idle too long, past its
    /// lifetime, or its account was disabled.
    public func resume(token: String) async throws -> ActiveSession? {
        guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
        let hash = SessionToken.hash(token)
        let nowMs = platform.clock.now().millisecondsSince1970
        let idleLimit = Int64(policy.idleTimeoutMinutes) * 60_000
        let found = try await platform.database.read { db -> (SessionRecord, AccountRecord?)? in
            guard let session = try await SessionRepository(db).find(tokenHash: hash) else { return nil }
            return (session, try await AccountRepository(db).find(id: session.accountId))
        }
        guard let (session, account) = found else { return nil }
        guard session.expiresAt > nowMs, nowMs - session.lastSeenAt < idleLimit, let account,
              account.status == "active", let staff = Self.staff(of: account)
        else {
            try await platform.database.write { try await SessionRepository($0).delete(tokenHash: hash) }
            return nil
        }
        // Refresh the idle clock at most once a minute: one write per minute per user, not per request.
        if nowMs - session.lastSeenAt >= 60_000 {
            try await platform.database.write { try await SessionRepository($0).touch(tokenHash: hash, at: nowMs) }
        }
        return ActiveSession(staff: staff, csrfToken: session.csrfToken)
    }

    /// Ends the session of `token`.
    public func signOut(token: String, caller: Caller) async throws {
        let nowMs = platform.clock.now().millisecondsSince1970
        let hash = SessionToken.hash(token)
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

    private func audit(_ entry: AuditEntry, _ at: Int64) async throws {
        _ = try await platform.database.write { db in
            try await AuditTrail.append(entry, at: at, in: db, kind: platform.database.kind)
        }
    }
}
