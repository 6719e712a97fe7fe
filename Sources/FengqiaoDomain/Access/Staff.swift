import Foundation

/// A signed-in member of staff: who is asking, in which role, for which part of the map.
/// Services take one and check permissions and jurisdiction next to the data. A machine holding an
/// API token is one too (`Staff.machine`): its permissions come from the token's scopes, not a role.
public struct Staff: Sendable, Hashable {
    public let accountID: Int64
    public let username: String
    public let displayName: String
    public let role: Role
    public let jurisdiction: Jurisdiction
    /// Set for department staff: their work is limited to that department's cases.
    public let departmentID: Int64?
    /// What this principal may do: its role's permissions, or for a machine its token's scopes.
    public let permissions: Set<Permission>
    /// The API token a machine principal presented; nil for a person.
    public let apiTokenID: Int64?

    public init(
        accountID: Int64, username: String, displayName: String, role: Role, jurisdiction: Jurisdiction,
        departmentID: Int64? = nil
    ) {
        self.accountID = accountID
        self.username = username
        self.displayName = displayName
        self.role = role
        self.jurisdiction = jurisdiction
        self.departmentID = departmentID
        self.permissions = role.permissions
        self.apiTokenID = nil
    }

    /// The principal of a request authenticated by API token `tokenID`, named `token:<name>`, limited to
    /// `scopes` inside `jurisdiction`. Its `accountID` is 0 (no account) and its `role` is only a
    /// placeholder with few permissions: services ask for permissions, never roles.
    public static func machine(tokenID: Int64, name: String, scopes: Set<ApiScope>, jurisdiction: Jurisdiction) -> Staff {
        Staff(accountID: 0, username: "token:\(name)", displayName: name, role: .departmentHandler,
              jurisdiction: jurisdiction, permissions: ApiScope.permissions(of: scopes), apiTokenID: tokenID)
    }

    private init(
        accountID: Int64, username: String, displayName: String, role: Role, jurisdiction: Jurisdiction,
        permissions: Set<Permission>, apiTokenID: Int64
    ) {
        self.accountID = accountID
        self.username = username
        self.displayName = displayName
        self.role = role
        self.jurisdiction = jurisdiction
        self.departmentID = nil
        self.permissions = permissions
        self.apiTokenID = apiTokenID
    }

    /// Whether a machine (API token) is asking rather than a person.
    public var isMachine: Bool { apiTokenID != nil }

    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// Throws `.forbidden` unless the role (or token) has `permission`.
    public func require(_ permission: Permission) throws(DomainError) {
        guard may(permission) else { throw .forbidden(permission: permission) }
    }

    /// Throws `.notFound(what)` for an area outside the jurisdiction: callers cannot tell it from a
    /// missing one.
    public func requireInside(_ areaCode: String, _ what: String) throws(DomainError) {
        guard jurisdiction.contains(areaCode) else { throw .notFound(what: what) }
    }

    /// The part of the map a list, search or export covers: the area `areaCode` when given (it must
    /// lie inside the jurisdiction, else "not found"), the whole jurisdiction when nil or empty.
    public func scope(_ areaCode: String?) throws(DomainError) -> Jurisdiction {
        guard let areaCode, !areaCode.isEmpty else { return jurisdiction }
        guard let code = AreaCode(areaCode) else { throw .notFound(what: "区域") }
        try requireInside(areaCode, "区域")
        return Jurisdiction(root: code)
    }
}
