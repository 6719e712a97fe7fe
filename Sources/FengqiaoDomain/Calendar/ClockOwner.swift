import Foundation

/// Whose clock it is: the case as a whole (acceptance, dispatch, verification, reply, revisit) or one
/// department in one role, so that the lead department and each assisting department run separate
/// sign-for and handling clocks.
public enum ClockOwner: Sendable, Hashable, Codable {
    case wholeCase
    /// A department by its `departments.id`.
    case department(id: Int64, role: Role)

    /// 主办 / 协办.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case lead, assisting

        public var chineseName: String {
            switch self {
            case .lead: "主办"
            case .assisting: "协办"
            }
        }
    }
}
