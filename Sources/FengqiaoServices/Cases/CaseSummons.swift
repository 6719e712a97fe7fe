import FengqiaoDomain
import FengqiaoStore
import Foundation

/// The `case_assignments` rows of departments summoned by 吹哨 that have no part of their own in the
/// case: role `summoned`, state `summoned` while a check-in (报到) is due and `checkedIn` after it, so
/// the department's worklist holds the case until it ends. A department that also has a part keeps
/// only its part's row.
enum CaseSummons {
    static let role = "summoned"

    /// One row per summoned department without a part, in the order they were first summoned:
    /// `dispatchedAt` is the first summons, `signedAt` the latest check-in, `dueAt` the earliest
    /// check-in still due (else the latest summons' deadline).
    static func rows(_ snapshot: CaseSnapshot, caseId: Int64) -> [CaseAssignmentRecord] {
        let withPart = Set(snapshot.parts.map(\.department))
        var departments: [Int64] = []
        for whistle in snapshot.whistles {
            for department in whistle.departments where !withPart.contains(department) && !departments.contains(department) {
                departments.append(department)
            }
        }
        return departments.compactMap { department in
            let summons = snapshot.whistles.filter { $0.departments.contains(department) }
            guard let first = summons.first, let last = summons.last else { return nil }
            let due = summons.filter { $0.checkIns[department] == nil }.map(\.checkInDue).min()
            return CaseAssignmentRecord(
                caseId: caseId, departmentId: department, role: role, state: due == nil ? "checkedIn" : "summoned",
                dispatchedAt: first.blownAt.millisecondsSince1970,
                signedAt: summons.compactMap { $0.checkIns[department]?.at }.max()?.millisecondsSince1970,
                dueAt: (due ?? last.checkInDue).millisecondsSince1970)
        }
    }
}
