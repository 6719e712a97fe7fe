import FengqiaoDomain
import FengqiaoStore
import Foundation

extension DemoCaseStream {
    /// The `case_assignments` rows of a generated case, as the engine keeps them: one per department
    /// part, `returned` for the lead while a return awaits the ruling, then the summoned departments
    /// without a part (`CaseSummons`).
    func addAssignments(
        of snapshot: CaseSnapshot, caseId: Int64, outcome: DemoCaseLifecycle.Outcome, into rows: inout DemoSQLBuffer
    ) {
        for part in snapshot.parts {
            rows.beginRow()
            rows.add(caseId)
            rows.add(part.department)
            rows.add(part.role.rawValue)
            rows.add(part.role == .lead && snapshot.returned ? "returned" : part.status.rawValue)
            rows.add(outcome.dispatchedAt ?? outcome.updatedAt)
            rows.add(part.signedAt?.millisecondsSince1970)
            rows.add(part.status.isSettled ? (outcome.feedbackAt ?? outcome.updatedAt) : nil)
            rows.add(snapshot.deadline?.millisecondsSince1970)
            rows.endRow()
        }
        for row in CaseSummons.rows(snapshot, caseId: caseId) {
            rows.beginRow()
            rows.add(row.caseId)
            rows.add(row.departmentId)
            rows.add(row.role)
            rows.add(row.state)
            rows.add(row.dispatchedAt)
            rows.add(row.signedAt)
            rows.add(row.doneAt)
            rows.add(row.dueAt)
            rows.endRow()
        }
    }
}
