import Foundation

/// What is assessed: a township (乡镇/街道) with its centre, a department (职能部门), or a grid worker (网格员).
public enum AssessedUnitKind: String, Sendable, Hashable, Codable, CaseIterable {
    case township
    case department
    case gridWorker = "grid_worker"

    public var chineseName: String {
        switch self {
        case .township: "乡镇(街道)"
        case .department: "职能部门"
        case .gridWorker: "网格员"
        }
    }
}
