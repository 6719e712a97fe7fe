import Foundation

/// Where a dispute goes when mediation does not settle it (or settles only part of it): the route the
/// mediator points the parties to and the centre follows up.
public enum MediationFailureRoute: String, Sendable, Codable, CaseIterable {
    /// 引导诉讼: the parties are told how to sue (立案指引).
    case litigation
    /// 引导仲裁: labour or commercial arbitration.
    case arbitration
    /// 转信访: the matter goes to the petition reception.
    case petition
    /// 升级调处: the case moves one tier up the mediation ladder (the engine escalates it).
    case escalation

    public var chineseName: String {
        switch self {
        case .litigation: "引导诉讼"
        case .arbitration: "引导仲裁"
        case .petition: "转信访"
        case .escalation: "升级调处"
        }
    }

    public init?(named text: String) {
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }
}
