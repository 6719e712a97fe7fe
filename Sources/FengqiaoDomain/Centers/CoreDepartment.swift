import Foundation

/// The nine core departments of the "9+N" model (九原区: 政法、组织、公安、民政、司法、住建、人社、卫健、
/// 信访); every other department a centre works with is one of the "N", named by a `DepartmentCode`.
public enum CoreDepartment: String, Sendable, Codable, ChineseNamedKind {
    case politicsLaw, organization, publicSecurity, civilAffairs, justice, housing, humanResources, health, petition

    public static let kindLabel = "核心部门"

    /// The short name centres use on boards and forms.
    public var chineseName: String {
        switch self {
        case .politicsLaw: "政法委"
        case .organization: "组织部"
        case .publicSecurity: "公安"
        case .civilAffairs: "民政"
        case .justice: "司法"
        case .housing: "住建"
        case .humanResources: "人社"
        case .health: "卫健"
        case .petition: "信访"
        }
    }

    public var aliases: [String] {
        switch self {
        case .politicsLaw: ["政法", "党委政法委"]
        case .organization: ["组织", "党委组织部"]
        case .publicSecurity: ["公安局", "公安分局", "派出所"]
        case .civilAffairs: ["民政局"]
        case .justice: ["司法局", "司法所"]
        case .housing: ["住建局", "住房和城乡建设局"]
        case .humanResources: ["人社局", "人力资源和社会保障局"]
        case .health: ["卫健委", "卫生健康委员会"]
        case .petition: ["信访局"]
        }
    }

    /// The department's code, the same string as the raw value.
    public var code: DepartmentCode { DepartmentCode(self) }
}
