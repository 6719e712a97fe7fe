import Foundation

/// Whose clock it is: the case as a whole (acceptance, dispatch, verification, reply, revisit) or one
/// department in one role, so that the lead department and each assisting department run separate
/// sign-for and handling clocks, and each department summoned by a whistle its own check-in clock.
public enum ClockOwner: Sendable, Hashable, Codable {
    case wholeCase
    /// A department by its `departments.id`.
    case department(id: Int64, role: Role)

    /// The department, for a department's clock.
    public var departmentID: Int64? {
        if case .department(let id, _) = self { return id }
        return nil
    }

    /// 主办 / 协办 / 被召集 (吹哨报到).
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case lead, assisting, summoned

        public var chineseName: String {
            switch self {
            case .lead: "主办"
            case .assisting: "协办"
            case .summoned: "被召集"
            }
        }
    }
}
