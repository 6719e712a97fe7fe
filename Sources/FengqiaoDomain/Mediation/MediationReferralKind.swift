import Foundation

/// The partners of 六调联动: the body a dispute is referred to, or comes from.
public enum MediationReferralKind: String, Sendable, Codable, CaseIterable {
    case court, police, procuratorate, arbitration, professional, petition

    /// The short name of the linkage (诉调对接 …).
    public var chineseName: String {
        switch self {
        case .court: "诉调"
        case .police: "警调"
        case .procuratorate: "检调"
        case .arbitration: "仲调"
        case .professional: "专调"
        case .petition: "访调"
        }
    }

    /// Who sits on the other side.
    public var partnerName: String {
        switch self {
        case .court: "人民法院"
        case .police: "公安机关"
        case .procuratorate: "人民检察院"
        case .arbitration: "仲裁机构"
        case .professional: "行业性专业性调解组织"
        case .petition: "信访部门"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text)
            ?? Self.allCases.first(where: { $0.chineseName == text || $0.partnerName == text })
        else { return nil }
        self = value
    }
}
