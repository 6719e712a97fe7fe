import FengqiaoDomain

/// Who changes accounts: a signed-in administrator, bounded by role and jurisdiction, or the command
/// line on the server (`cli:$USER`), the root of trust, bounded by nothing — it is how the first
/// administrators are made and how locked-out ones are recovered.
public enum AccountActor: Sendable, Hashable {
    case staff(Caller)
    /// The name the audit log records, e.g. `cli:root`.
    case commandLine(String)

    /// The command line acting for the operating-system user `user`.
    public static func commandLine(user: String) -> AccountActor { .commandLine("cli:\(user)") }

    /// The actor's own account, if it has one.
    var accountID: Int64? {
        switch self {
        case .staff(let caller): caller.staff.accountID
        case .commandLine: nil
        }
    }

    func require(_ permission: Permission) throws(DomainError) {
        if case .staff(let caller) = self { try caller.staff.require(permission) }
    }

    /// Whether the area `code` lies in the actor's jurisdiction (everywhere for the command line).
    func covers(_ code: String) -> Bool {
        switch self {
        case .staff(let caller): caller.staff.jurisdiction.contains(code)
        case .commandLine: true
        }
    }

    var isCommandLine: Bool {
        if case .commandLine = self { return true }
        return false
    }

    func auditEntry(action: String, accountID: Int64, summary: String) -> AuditEntry {
        switch self {
        case .staff(let caller):
            AuditEntry(caller, action: action, objectType: "account", objectID: String(accountID), summary: summary)
        case .commandLine(let name):
            AuditEntry(actorID: nil, actor: name, role: "system", ip: "local", action: action, objectType: "account",
                       objectID: String(accountID), summary: summary)
        }
    }
}
