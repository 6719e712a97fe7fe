import Foundation

/// Who caused an event, as stored with it.
public struct CaseEventActor: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case staff, requester, system
    }

    public var kind: Kind
    /// The staff account; nil for the requester and the system.
    public var accountID: Int64?
    /// The staff member's department, for department staff.
    public var departmentID: Int64?
    public var role: Role?
    /// The username for staff, the job's name for the system, nil for the requester.
    public var name: String?

    public init(
        kind: Kind, accountID: Int64? = nil, departmentID: Int64? = nil, role: Role? = nil, name: String? = nil
    ) {
        self.kind = kind
        self.accountID = accountID
        self.departmentID = departmentID
        self.role = role
        self.name = name
    }

    public init(_ actor: CaseActor) {
        switch actor {
        case .staff(let staff):
            self.init(kind: .staff, accountID: staff.accountID, departmentID: staff.departmentID, role: staff.role,
                      name: staff.username)
        case .requester:
            self.init(kind: .requester)
        case .system(let job):
            self.init(kind: .system, name: job)
        }
    }
}
