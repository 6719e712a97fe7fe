import FengqiaoDomain

/// Who makes, lists and revokes API tokens: a security admin in the web pages (needs `grantRoles`,
/// since a token grants access, and is bounded by their jurisdiction), or the operator at the server's
/// command line (`cli:<user>`, the whole map, as for `fengqiao user create`).
public enum TokenAdministrator: Sendable {
    case staff(Caller)
    case console(actor: String)

    /// Throws `.forbidden` unless a signed-in administrator may grant access.
    func authorise() throws(DomainError) {
        if case .staff(let caller) = self { try caller.staff.require(.grantRoles) }
    }

    /// The range of area codes the administrator answers for (`[from, below)`).
    var areaRange: (from: String, below: String) {
        switch self {
        case .staff(let caller): (caller.staff.jurisdiction.prefix, caller.staff.jurisdiction.upperBound)
        // Area codes are digits; ":" follows "9".
        case .console: ("", ":")
        }
    }

    func answersFor(_ areaCode: String) -> Bool {
        switch self {
        case .staff(let caller): caller.staff.jurisdiction.contains(areaCode)
        case .console: true
        }
    }

    /// The name stored as a token's `created_by`.
    var name: String {
        switch self {
        case .staff(let caller): caller.staff.username
        case .console(let actor): actor
        }
    }

    func auditEntry(action: String, tokenID: Int64, summary: String) -> AuditEntry {
        switch self {
        case .staff(let caller):
            AuditEntry(caller, action: action, objectType: "api_token", objectID: String(tokenID), summary: summary)
        case .console(let actor):
            AuditEntry(actorID: nil, actor: actor, role: "system", ip: "local", action: action, objectType: "api_token",
                       objectID: String(tokenID), summary: summary)
        }
    }
}
