import FengqiaoDomain
import Foundation

/// The Chinese timeline label of an event, and the note of it the requester may see.
enum CaseEventLabel {
    static func label(_ payload: CaseEvent.Payload) -> String {
        switch payload {
        case .reported: "上报"
        case .accepted: "立案"
        case .rejected: "不予立案"
        case .merged: "合并"
        case .split: "拆分"
        case .resolvedOnSite: "就地化解"
        case .dispatched: "派遣"
        case .signedFor(_, let role): role == .lead ? "主办部门签收" : "协办部门签收"
        case .returned: "退回"
        case .returnUpheld: "维持原派遣"
        case .reassigned: "改派"
        case .escalated(_, let to, _, let automatic): (automatic ? "自动升级至" : "升级至") + to.chineseName
        case .attemptRecorded(_, let number, let outcome, _): "第\(number)次调解:\(outcome.chineseName)"
        case .whistled: "吹哨"
        case .checkedIn(_, _, let late): late ? "报到(超时)" : "报到"
        case .extensionRequested: "申请延期"
        case .extensionApproved: "批准延期"
        case .extensionDenied: "驳回延期"
        case .progressAdded: "办理进展"
        case .partCompleted: "协办完成"
        case .feedbackGiven: "反馈办理结果"
        case .verified: "核查通过"
        case .verificationFailed: "核查不通过"
        case .closed: "结案答复"
        case .revisited(let satisfaction, _, let reopened): "回访:\(satisfaction.chineseName)" + (reopened ? ",重新办理" : "")
        case .supervised(_, let kind, _, _): kind.chineseName
        case .supervisionAnswered: "答复督办"
        case .withdrawn: "撤回"
        case .archived: "归档"
        }
    }

    static func publicNote(_ payload: CaseEvent.Payload) -> String? {
        switch payload {
        case .rejected(let reason, _): reason
        case .progressAdded(let note, let isPublic): isPublic ? note : nil
        case .closed(let reply, _): reply
        case .revisited(let satisfaction, _, _): satisfaction.chineseName
        case .withdrawn(let reason): reason
        default: nil
        }
    }

    /// Labels of the legacy (pre-engine) type codes the demo writes.
    static func legacyLabel(_ type: String) -> String {
        if let state = CaseState(rawValue: type) { return state.chineseName }
        return type == "report" ? "上报" : type
    }
}

extension CaseEventLabel {
    /// What staff read beside an event on the timeline: the reason, result or note it carries.
    static func staffNote(_ payload: CaseEvent.Payload) -> String? {
        let text: String? = switch payload {
        case .accepted(let acceptance): "\(acceptance.kind.chineseName) · \(acceptance.urgency.chineseName) · \(acceptance.tier.chineseName)"
        case .rejected(let reason, let channel): "\(reason)(\(channel.chineseName)告知)"
        case .resolvedOnSite(let result, _): result
        case .returned(_, let reason): reason
        case .escalated(_, _, let reason, _): reason
        case .attemptRecorded(_, _, _, let note): note
        case .extensionRequested(_, let reason): reason
        case .extensionDenied(let reason): reason
        case .progressAdded(let note, let isPublic): isPublic ? note + "(公开)" : note
        case .partCompleted(_, let result): result
        case .feedbackGiven(let result, _, _): result
        case .verified(let note): note
        case .verificationFailed(let reason): reason
        case .closed(let reply, let channel): "\(reply)(\(channel.chineseName)答复)"
        case .revisited(_, let channel, _): "\(channel.chineseName)回访"
        case .supervised(_, _, let note, _): note
        case .supervisionAnswered(_, let response): response
        case .withdrawn(let reason): reason
        default: nil
        }
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
