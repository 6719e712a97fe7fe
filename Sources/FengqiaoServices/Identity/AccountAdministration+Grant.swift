import FengqiaoDomain
import FengqiaoStore
import Foundation

extension AccountAdministration {
    /// Grants account `accountID` a role, an area (its whole subtree) and optionally a department, and
    /// ends its sessions. A pending account becomes active; a disabled one stays disabled. The security
    /// administrator grants only inside their jurisdiction (the account and the new area) and never to
    /// themselves (`self_grant`).
    public func grant(
        accountID: Int64, role: String, areaCode: String, departmentID: Int64?, by actor: Administrator
    ) async throws {
        try actor.require(.grantRoles)
        guard actor.accountID != accountID else {
            throw DomainError.conflict(code: "self_grant", message: "不能给自己授权:角色须由另一名安全管理员授予")
        }
        try await changeAccount(accountID, action: "account.grant", by: actor) { before, db in
            let placement = try await Self.placement(role: role, areaCode: areaCode, departmentID: departmentID,
                                                     by: actor, in: db)
            guard placement.problems.isEmpty, let role = placement.role else {
                throw DomainError.validation(placement.problems)
            }
            var after = before
            after.role = role.rawValue
            after.areaCode = areaCode
            after.departmentId = departmentID
            after.status = Self.status(of: before).granting().rawValue
            let accounts = AccountRepository(db)
            try await accounts.setRole(id: accountID, to: after.role, areaCode: areaCode, departmentId: departmentID)
            if after.status != before.status { try await accounts.setStatus(id: accountID, to: after.status) }
            return after
        }
    }
}
