import Foundation

/// Whether an account may sign in. An account a system administrator creates from the admin pages is
/// `pending` until a security administrator grants it its role (三权分立: who makes accounts does not
/// decide what they may do); only `active` accounts sign in.
public enum AccountStatus: String, Sendable, Codable, CaseIterable {
    case active, pending, disabled

    public var chineseName: String {
        switch self {
        case .active: "正常"
        case .pending: "待授权"
        case .disabled: "已停用"
        }
    }

    /// The status after a system administrator disables the account.
    public func disabling() throws(DomainError) -> AccountStatus {
        switch self {
        case .active: return .disabled
        case .pending: throw Self.stillPending
        case .disabled: throw .conflict(code: "already_disabled", message: "账号已经停用")
        }
    }

    /// The status after a system administrator enables the account again. A pending account is not
    /// theirs to enable: that would skip the security administrator's grant.
    public func enabling() throws(DomainError) -> AccountStatus {
        switch self {
        case .disabled: return .active
        case .pending: throw Self.stillPending
        case .active: throw .conflict(code: "already_active", message: "账号已经处于正常状态")
        }
    }

    /// The status after a security administrator grants a role: a pending account becomes active; a
    /// disabled one stays disabled (enabling is the system administrator's decision).
    public func granting() -> AccountStatus {
        switch self {
        case .pending, .active: .active
        case .disabled: .disabled
        }
    }

    static let stillPending = DomainError.conflict(code: "account_pending", message: "账号尚待安全管理员授权,授权后方可停用或启用")
}
