import Foundation

/// Where a 六调联动 referral stands. An outgoing one starts `sent`, an incoming one `received`; either
/// is then `accepted` by the receiving side, and ends `replied` (with the reply) or `declined`.
/// An incoming referral may be declined only before it was accepted.
public enum MediationReferralState: String, Sendable, Codable, CaseIterable {
    case sent, received, accepted, replied, declined

    public var chineseName: String {
        switch self {
        case .sent: "已发送"
        case .received: "已接收"
        case .accepted: "已受理"
        case .replied: "已回复"
        case .declined: "不予受理"
        }
    }

    /// The first state of a referral going `direction`.
    public static func initial(_ direction: MediationReferralDirection) -> MediationReferralState {
        direction == .outgoing ? .sent : .received
    }

    public var isFinished: Bool { self == .replied || self == .declined }

    /// The state after `action`, or the refusal.
    public func after(_ action: MediationReferralAction, direction: MediationReferralDirection) throws(DomainError)
        -> MediationReferralState
    {
        let next: MediationReferralState?
        switch (action, self) {
        case (.accept, .sent), (.accept, .received): next = .accepted
        case (.reply, .sent), (.reply, .received), (.reply, .accepted): next = .replied
        case (.decline, .sent), (.decline, .accepted): next = direction == .outgoing ? .declined : nil
        case (.decline, .received): next = .declined
        default: next = nil
        }
        guard let next else {
            throw .conflict(code: "invalid_referral_transition",
                            message: "该\(direction.chineseName)记录当前为“\(chineseName)”,不能\(action.chineseName)")
        }
        return next
    }
}
