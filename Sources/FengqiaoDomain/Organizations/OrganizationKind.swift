import Foundation

/// The kind of an organisation on the grid (组织), following GB/T 31000-2015's split between
/// non-public economic organisations, social organisations and public bodies.
public enum OrganizationKind: String, Sendable, Codable, ChineseNamedKind {
    case enterprise, individualBusiness, socialOrganization, publicInstitution, villageCommittee, other

    public static let kindLabel = "组织类型"

    public var chineseName: String {
        switch self {
        case .enterprise: "企业"
        case .individualBusiness: "个体工商户"
        case .socialOrganization: "社会组织"
        case .publicInstitution: "机关事业单位"
        case .villageCommittee: "村(居)委会"
        case .other: "其他"
        }
    }

    public var aliases: [String] {
        switch self {
        case .individualBusiness: ["个体户"]
        case .publicInstitution: ["机关", "事业单位"]
        case .villageCommittee: ["村委会", "居委会", "嘎查委员会"]
        default: []
        }
    }
}
