import Foundation

/// Where a mediation case (调解案件) stands. `open` (registered, waiting for its first session) and
/// `inMediation` (a session has been held) are the working states; `withdrawn` ends a mediation the
/// parties left. The outcome states (`succeeded`, `partial`, `failed`) are reached only through the
/// outcomes of a mediation (agreements, failure routes); nothing here moves a case into them.
public enum MediationCaseState: String, Sendable, Codable, CaseIterable {
    case open, inMediation, succeeded, partial, failed, withdrawn

    public var chineseName: String {
        switch self {
        case .open: "待调解"
        case .inMediation: "调解中"
        case .succeeded: "调解成功"
        case .partial: "部分达成"
        case .failed: "调解不成"
        case .withdrawn: "已撤回"
        }
    }

    /// Whether the mediation is still worked on (sessions, referrals, assignment, withdrawal).
    public var isOpen: Bool {
        switch self {
        case .open, .inMediation: true
        case .succeeded, .partial, .failed, .withdrawn: false
        }
    }

    /// Whether the mediation ended with an outcome (counted in a mediator's track record as closed).
    public var isConcluded: Bool {
        switch self {
        case .succeeded, .partial, .failed: true
        case .open, .inMediation, .withdrawn: false
        }
    }

    /// The states a mediation may be in while it is worked on.
    public static let openStates: [MediationCaseState] = allCases.filter(\.isOpen)

    /// The states that end a mediation with an outcome.
    public static let concludedStates: [MediationCaseState] = allCases.filter(\.isConcluded)
}
