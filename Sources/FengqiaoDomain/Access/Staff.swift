import Foundation

/// A signed-in member of staff: who is asking, in which role, for which part of the map.
/// Services take one and check permissions and jurisdiction next to the data.
public struct Staff: Sendable, Hashable {
    public let accountID: Int64
    public let username: String
    public let displayName: String
    public let role: Role
    public let jurisdiction: Jurisdiction
    /// Set for department staff: their work is limited to that department's cases.
    public let departmentID: Int64?

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
    }

    public func may(_ permission: Permission) -> Bool { role.permissions.contains(permission) }

    /// Throws `.forbidden` unless the role has `permission`.
    public func require(_ permission: Permission) throws(DomainError) {
        guard may(permission) else { throw .forbidden(permission: permission) }
    }

    /// Throws `.notFound(what)` for an area outside the jurisdiction: callers cannot tell it from a
    /// missing one.
    public func requireInside(_ areaCode: String, _ what: String) throws(DomainError) {
        guard jurisdiction.contains(areaCode) else { throw .notFound(what: what) }
    }
}
