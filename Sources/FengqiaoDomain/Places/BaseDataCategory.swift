import Foundation

/// The map layer a place or thing belongs to: key places (重点场所) that grid workers patrol, hazards
/// (隐患点) that must be watched until removed, and facilities (设施) that are checked in inspections.
public enum BaseDataCategory: String, Sendable, Codable, ChineseNamedKind {
    case keyPlace, hazard, facility

    public static let kindLabel = "基础数据类别"

    public var chineseName: String {
        switch self {
        case .keyPlace: "重点场所"
        case .hazard: "隐患点"
        case .facility: "设施"
        }
    }
}
