import Foundation

/// Ordinary grids tile a village; special grids (专属网格) sit beside them over a park, a business
/// district, a school or a hospital.
public enum GridKind: String, Sendable, Codable, CaseIterable {
    case ordinary, park, business, school, hospital

    public var chineseName: String {
        switch self {
        case .ordinary: "综合网格"
        case .park: "园区网格"
        case .business: "商圈网格"
        case .school: "学校网格"
        case .hospital: "医院网格"
        }
    }
}
