import Foundation

/// One department's part of a case (`case_assignments`): lead or assisting, with its own state; or a
/// department summoned by 吹哨 without a part (`summoned`).
public struct CaseAssignmentRecord: Sendable, Codable, Equatable {
    public var caseId: Int64
    public var departmentId: Int64
    /// `lead` | `assisting` | `summoned`.
    public var role: String
    /// `dispatched` | `signed` | `done` | `waived` | `returned`; for a summoned department `summoned`
    /// (check-in due) | `checkedIn`.
    public var state: String
    public var dispatchedAt: Int64
    public var signedAt: Int64?
    public var doneAt: Int64?
    public var dueAt: Int64?

    public init(
        caseId: Int64, departmentId: Int64, role: String, state: String, dispatchedAt: Int64, signedAt: Int64? = nil,
        doneAt: Int64? = nil, dueAt: Int64? = nil
    ) {
        self.caseId = caseId
        self.departmentId = departmentId
        self.role = role
        self.state = state
        self.dispatchedAt = dispatchedAt
        self.signedAt = signedAt
        self.doneAt = doneAt
        self.dueAt = dueAt
    }
}
