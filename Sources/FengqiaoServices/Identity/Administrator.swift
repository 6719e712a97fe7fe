import FengqiaoDomain

/// Who administers accounts and API tokens: a signed-in administrator, bounded by role and
/// jurisdiction, or the command line on the server (`cli:$USER`), the root of trust, bounded by
/// nothing — it is how the first administrators are made and how locked-out ones are recovered.
public enum Administrator: Sendable, Hashable {
    case staff(Caller)
    /// The name the audit log records, e.g. `cli:root`.
    case commandLine(String)

    /// The command line acting for the operating-system user `user`.
    public static func commandLine(user: String) -> Administrator { .commandLine("cli:\(user)") }

    /// The administrator's own account, if it has one.
    var accountID: Int64? {
        switch self {
        case .staff(let caller): caller.staff.accountID
        case .commandLine: nil
        }
    }

    var isCommandLine: Bool {
        if case .commandLine = self { return true }
        return false
    }

    /// The name recorded as who made something (a token's `created_by`).
    var name: String {
        switch self {
        case .staff(let caller): caller.staff.username
        case .commandLine(let name): name
        }
    }

    /// Throws `.forbidden` unless a signed-in administrator's role has `permission`.
    func require(_ permission: Permission) throws(DomainError) {
        if case .staff(let caller) = self { try caller.staff.require(permission) }
    }

    /// Whether the area `code` lies in the administrator's jurisdiction (everywhere for the command line).
    func covers(_ code: String) -> Bool {
        switch self {
        case .staff(let caller): caller.staff.jurisdiction.contains(code)
        case .commandLine: true
        }
    }

    /// The range of area codes the administrator answers for (`[from, below)`).
    var areaRange: (from: String, below: String) {
        switch self {
        case .staff(let caller): (caller.staff.jurisdiction.prefix, caller.staff.jurisdiction.upperBound)
        // Area codes are digits; ":" follows "9".
        case .commandLine: ("", ":")
        }
    }

    func auditEntry(action: String, objectType: String, objectID: Int64, summary: String) -> AuditEntry {
        auditEntry(action: action, objectType: objectType, objectID: String(objectID), summary: summary)
    }

    func auditEntry(action: String, objectType: String, objectID: String, summary: String) -> AuditEntry {
        switch self {
        case .staff(let caller):
            AuditEntry(caller, action: action, objectType: objectType, objectID: objectID, summary: summary)
        case .commandLine(let name):
            AuditEntry(actorID: nil, actor: name, role: "system", ip: "local", action: action, objectType: objectType,
                       objectID: objectID, summary: summary)
        }
    }
}
