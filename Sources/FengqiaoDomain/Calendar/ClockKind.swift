import Foundation

/// What a clock times: a stage of the closed loop (see the Clocks column of `domain/case-workflow.md`),
/// the deadline of the mediation tier answering for the case, a summoned department's check-in, or the
/// answer a supervision order asks for.
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
    /// The deadline of the mediation tier (调处时限): from acceptance, again from each escalation, until
    /// the matter is handled or the case ends; its limit comes from `CasePolicy.tierLimits`.
    case tier
    /// 吹哨报到: from the whistle until the summoned department checks in, per department; it ends at
    /// the whistle's `checkInDue`.
    case checkIn
    /// 督办 / 挂牌督办 that needs an answer: from the order until it is answered, ending at its
    /// `responseDue`; one per order.
    case supervision

    /// The stages of the closed loop, whose limits an `SLAPreset` sets.
    public static let stages: [ClockKind] = [.acceptance, .dispatch, .signFor, .handling, .verification, .reply, .revisit]

    /// Whether the kind is a stage of the closed loop (not the tier deadline or a check-in).
    public var isStage: Bool { Self.stages.contains(self) }

    public var chineseName: String {
        switch self {
        case .acceptance: "受理"
        case .dispatch: "派遣"
        case .signFor: "签收"
        case .handling: "办理"
        case .verification: "核查"
        case .reply: "答复"
        case .revisit: "回访"
        case .tier: "调处"
        case .checkIn: "报到"
        case .supervision: "督办答复"
        }
    }
}
