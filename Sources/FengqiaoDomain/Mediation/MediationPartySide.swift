import Foundation

/// The side of a party in a mediation: 申请人 (who asked for it) or 被申请人.
public enum MediationPartySide: String, Sendable, Codable, CaseIterable {
    case applicant, respondent

    public var chineseName: String {
        switch self {
        case .applicant: "申请人"
        case .respondent: "被申请人"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
