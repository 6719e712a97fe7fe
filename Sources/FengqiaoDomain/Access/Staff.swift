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

    /// The part of the map a list, search or export covers: the area `areaCode` when given (it must
    /// lie inside the jurisdiction, else "not found"), the whole jurisdiction when nil or empty.
    public func scope(_ areaCode: String?) throws(DomainError) -> Jurisdiction {
        guard let areaCode, !areaCode.isEmpty else { return jurisdiction }
        guard let code = AreaCode(areaCode) else { throw .notFound(what: "区域") }
        try requireInside(areaCode, "区域")
        return Jurisdiction(root: code)
    }
}
