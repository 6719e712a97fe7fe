import Foundation

/// What happens to a referral after it was made: accepted (受理), replied to (回复), declined (不予受理).
public enum MediationReferralAction: String, Sendable, Codable, CaseIterable {
    case accept, reply, decline

    public var chineseName: String {
        switch self {
        case .accept: "受理"
        case .reply: "回复"
        case .decline: "不予受理"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
