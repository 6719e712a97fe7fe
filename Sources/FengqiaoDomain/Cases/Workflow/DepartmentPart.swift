import Foundation

/// One department's part of a dispatched case; departments are identified by their row id.
public struct DepartmentPart: Sendable, Hashable, Codable {
    public var department: Int64
    public var role: DepartmentRole
    public var status: PartStatus
    public var signedAt: Date?

    public init(department: Int64, role: DepartmentRole, status: PartStatus = .dispatched, signedAt: Date? = nil) {
        self.department = department
        self.role = role
        self.status = status
        self.signedAt = signedAt
    }
}
