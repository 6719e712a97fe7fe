import Foundation

/// A department's part in a dispatched case: 主办 (lead) or 协办 (assisting).
public enum DepartmentRole: String, Sendable, Codable, CaseIterable {
    case lead, assisting

    public var chineseName: String {
        switch self {
        case .lead: "主办"
        case .assisting: "协办"
        }
    }
}
