import FengqiaoDomain
import Foundation

/// The case worklists of the 待办 home. Membership, always inside the caller's jurisdiction (and, for
/// department staff, among the cases their department has an assignment in):
/// - `mine` (我的待办): open cases whose latest event was the caller's own; for department staff also
///   the open cases their department has a live assignment in (its part dispatched or signed, or
///   summoned by 吹哨 without a part, before and after its check-in); for grid workers and grid leaders
///   placed on a grid, every open case in that grid.
/// - `department` (本部门): open cases with a live assignment of the caller's department (department
///   staff only; anyone else is refused).
/// - `overdue` (已超时): cases whose clock status is `overdue`, soonest deadline first.
/// - `verification` (待核查): cases handled by the department, waiting for verification.
/// - `revisit` (待回访): closed cases, waiting for the revisit.
/// - `all` (全部): every case, with the optional filters.
/// All but `overdue` list the most recently updated first.
public enum CaseWorklist: String, Sendable, Codable, CaseIterable {
    case mine, department, overdue, verification, revisit, all

    public var chineseName: String {
        switch self {
        case .mine: "我的待办"
        case .department: "本部门"
        case .overdue: "已超时"
        case .verification: "待核查"
        case .revisit: "待回访"
        case .all: "全部案件"
        }
    }

    /// The list named `text`; an unknown name is a field error on `list`.
    public static func named(_ text: String?) throws(DomainError) -> CaseWorklist {
        guard let text, !text.isEmpty else { return .all }
        guard let list = CaseWorklist(rawValue: text) else {
            throw .validation([FieldError(
                field: "list", code: "invalid_choice",
                message: "列表只能是 mine、department、overdue、verification、revisit 或 all")])
        }
        return list
    }
}
