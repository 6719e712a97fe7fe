import Foundation

extension CaseDecision {
    /// 核查 on site by a grid worker of the case's grid or a centre verifier (never the department that
    /// did the work); a failed check needs a reason and sends the case back to the same handler.
    func verify(pass: Bool, reason: String?) throws(DomainError) -> [CaseEvent] {
        _ = try centreStaff(.handleCases, .dispatchCases)
        var input = WorkflowInput()
        if pass {
            let note = input.optionalText(reason, "reason", "核查意见", max: 1000)
            try input.check()
            return [event(.verified(note: note))]
        }
        let reason = input.text(reason, "reason", "核查不通过的理由", max: 1000)
        try input.check()
        return [event(.verificationFailed(reason: reason))]
    }

    /// 结案答复 to the requester by an operator or dispatcher.
    func close(reply: String, channel: ContactChannel) throws(DomainError) -> [CaseEvent] {
        _ = try centreStaff(.acceptCases)
        var input = WorkflowInput()
        let reply = input.text(reply, "reply", "结案答复", max: 2000)
        try input.check()
        return [event(.closed(reply: reply, channel: channel))]
    }

    /// 回访 by an operator (phone) or the requester (portal, SMS). 不满意 reopens the case while the
    /// policy's reopen limit allows; otherwise the case is archived with the rating given.
    func revisit(_ satisfaction: Satisfaction, channel: ContactChannel) throws(DomainError) -> [CaseEvent] {
        try requesterOrStaff(.acceptCases)
        if case .requester = actor, !channel.isSelfService {
            throw .validation([FieldError(field: "channel", code: "invalid_choice", message: "请通过网上或短信评价")])
        }
        let reopened = satisfaction == .unsatisfied && snapshot.reopenCount < policy.reopenLimit
        return [event(.revisited(satisfaction: satisfaction, channel: channel, reopened: reopened))]
    }

    /// 归档 by the system once the revisit window has passed (the job computes it).
    func archive() throws(DomainError) -> [CaseEvent] {
        guard case .system = actor else {
            throw .conflict(code: "archive_by_system", message: "归档由系统在回访期满后自动完成")
        }
        return [event(.archived)]
    }
}
