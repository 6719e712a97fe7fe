import Foundation

/// How one mediation attempt on the ladder ended (三个三: each tier tries a limited number of times).
public enum AttemptOutcome: String, Sendable, Codable, CaseIterable {
    case resolved, failed, partyAbsent

    public var chineseName: String {
        switch self {
        case .resolved: "调解成功"
        case .failed: "调解未果"
        case .partyAbsent: "当事人未到场"
        }
    }
}
