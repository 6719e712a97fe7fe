import Foundation

/// The kinds of mediation organisation (调解组织) a county registers.
public enum MediationOrganizationKind: String, Sendable, Codable, CaseIterable {
    case villageCommittee, townshipCommittee, professional, preLitigation, arbitration, personalStudio

    public var chineseName: String {
        switch self {
        case .villageCommittee: "村(居)人民调解委员会"
        case .townshipCommittee: "乡镇(街道)人民调解委员会"
        case .professional: "行业性专业性调解组织"
        case .preLitigation: "诉前调解"
        case .arbitration: "仲裁"
        case .personalStudio: "个人调解工作室"
        }
    }

    /// The kind named by its machine name or its Chinese name.
    public init?(named text: String) {
        guard let kind = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = kind
    }
}
