import FengqiaoDomain
import FengqiaoStore
import Foundation
import HummingbirdBcrypt

extension AccountAdministration {
    /// Disables the account and ends its sessions. Nobody disables themselves (that would lock out the
    /// last administrator); the system administrator may not disable the security administrator or the
    /// auditor who oversee them — the command line may.
    public func disable(accountID: Int64, by actor: Administrator) async throws {
        try actor.require(.manageAccounts)
        guard actor.accountID != accountID else {
            throw DomainError.conflict(code: "self_disable", message: "不能停用自己的账号")
        }
        try await changeAccount(accountID, action: "account.disable", by: actor) { before, db in
            try Self.requireAdministrable(before, by: actor)
            var after = before
            after.status = try Self.status(of: before).disabling().rawValue
            try await AccountRepository(db).setStatus(id: accountID, to: after.status)
            return after
        }
    }

    /// Enables a disabled account. A pending account is not enabled here: it waits for a grant.
    public func enable(accountID: Int64, by actor: Administrator) async throws {
        try actor.require(.manageAccounts)
        try await changeAccount(accountID, action: "account.enable", by: actor) { before, db in
            try Self.requireAdministrable(before, by: actor)
            var after = before
            after.status = try Self.status(of: before).enabling().rawValue
            try await AccountRepository(db).setStatus(id: accountID, to: after.status)
            return after
        }
    }

    /// Sets a new temporary password, which must pass the password policy; clears a lockout and ends
    /// the account's sessions. The new password is told to its holder out of band; the platform does
    /// not yet force a change at the next sign-in (that needs a sign-in stage of its own).
    public func resetPassword(accountID: Int64, to password: String, by actor: Administrator) async throws {
        try actor.require(.manageAccounts)
        let problems = try await passwordPolicy().problems(password)
        guard problems.isEmpty else { throw DomainError.validation(problems) }
        let hash = Bcrypt.hash(password, cost: hashCost)
        let nowMs = platform.clock.now().millisecondsSince1970
        try await changeAccount(accountID, action: "account.reset_password", by: actor) { before, db in
            try Self.requireAdministrable(before, by: actor)
            var after = before
            after.passwordHash = hash
            after.passwordChangedAt = nowMs
            try await AccountRepository(db).setPasswordHash(id: accountID, to: hash, at: nowMs)
            return after
        }
    }

    /// Refuses a signed-in administrator's change to an account that oversees account administration.
    static func requireAdministrable(_ account: AccountRecord, by actor: Administrator) throws(DomainError) {
        guard case .staff = actor, Role(rawValue: account.role)?.overseesAccountAdministration == true else { return }
        throw .conflict(code: "separation_of_duties",
                        message: "安全管理员、审计员的账号只能在服务器上用命令行停用、启用或重置密码(三权分立)")
    }

    static func status(of account: AccountRecord) -> AccountStatus {
        AccountStatus(rawValue: account.status) ?? .disabled
    }
}
