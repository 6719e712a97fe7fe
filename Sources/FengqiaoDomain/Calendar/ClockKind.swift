import Foundation

/// The stage a clock times; see the Clocks column of `domain/case-workflow.md`.
public enum ClockKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// reported → accepted/rejected (核实立案; for 信访 the decision whether to accept).
    case acceptance
    /// accepted → dispatched (指挥派遣).
    case dispatch
    /// dispatched → signed for, per department (签收).
    case signFor
    /// signed for → result fed back, per department (办理).
    case handling
    /// handled → verified on site (核查).
    case verification
    /// verified → the requester has the reply (结案答复).
    case reply
    /// closed → revisited and rated (回访).
    case revisit

    public var chineseName: String {
        switch self {
        case .acceptance: "受理"
        case .dispatch: "派遣"
        case .signFor: "签收"
        case .handling: "办理"
        case .verification: "核查"
        case .reply: "答复"
        case .revisit: "回访"
        }
    }
}
