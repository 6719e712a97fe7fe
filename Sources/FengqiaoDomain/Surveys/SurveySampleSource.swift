import Foundation

/// Whom a round calls: residents whose case was closed in the window (with a contact phone), or registered
/// residents with a phone.
public enum SurveySampleSource: String, Sendable, Hashable, Codable, CaseIterable {
    case closedCases = "closed_cases"
    case residents

    public var chineseName: String {
        switch self {
        case .closedCases: "调查期内办结案件的联系人"
        case .residents: "登记在册的居民"
        }
    }
}
