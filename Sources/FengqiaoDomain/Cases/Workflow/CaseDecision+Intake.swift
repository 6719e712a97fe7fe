import Foundation

extension CaseDecision {
    /// 立案 by an operator or dispatcher, or by the grid leader (or a village mediator) of the case's grid;
    /// a matter reported from the grid (网格上报) also by the grid's workers, who saw it on the spot.
    func accept(_ acceptance: CaseAcceptance) throws(DomainError) -> [CaseEvent] {
        let staff = try centreStaff(.acceptCases, .mediate, .handleCases)
        if !staff.may(.acceptCases) {
            // Without acceptCases only the grid's own people accept, and only cases on their grids.
            guard snapshot.gridCode != nil, tier(of: staff) <= .village else {
                throw .forbidden(permission: .acceptCases)
            }
            // A grid worker (handleCases alone) verifies only what was reported from a grid, e.g. before
            // resolving it on the spot (就地化解); a resident's or the desk's report waits for the centre.
            guard staff.may(.mediate) || snapshot.channel == .gridWorker else {
                throw .forbidden(permission: .acceptCases)
            }
        }
        var input = WorkflowInput()
        var accepted = acceptance
        accepted.category = input.text(acceptance.category, "category", "事件分类", max: 40)
        accepted.slaPreset = input.optionalText(acceptance.slaPreset, "slaPreset", "时限预设", max: 40)
        try input.check()
        return [event(.accepted(acceptance: accepted))]
    }

    /// 不予立案, with the reason and how the requester is told.
    func reject(reason: String, noticeChannel: ContactChannel) throws(DomainError) -> [CaseEvent] {
        _ = try centreStaff(.acceptCases)
        var input = WorkflowInput()
        let reason = input.text(reason, "reason", "不予立案的理由", max: 500)
        try input.check()
        return [event(.rejected(reason: reason, noticeChannel: noticeChannel))]
    }

    /// Folds the case into a duplicate; the services check that `into` exists, is visible and differs.
    func merge(into: Int64) throws(DomainError) -> [CaseEvent] {
        _ = try centreStaff(.acceptCases)
        var input = WorkflowInput()
        if into <= 0 { input.add(.invalid("into", label: "合并目标案件")) }
        try input.check()
        return [event(.merged(into: into, previousState: snapshot.state))]
    }

    /// Undoes a merge: the case returns to the state it had.
    func split() throws(DomainError) -> [CaseEvent] {
        _ = try centreStaff(.acceptCases)
        return [event(.split(restoredState: snapshot.stateBeforeMerge ?? .reported))]
    }

    /// 就地化解 by the grid worker or grid leader of the case's grid, with evidence.
    func resolveOnSite(result: String, evidence: [String]) throws(DomainError) -> [CaseEvent] {
        let staff = try centreStaff(.handleCases, .mediate)
        guard snapshot.gridCode != nil, tier(of: staff) <= .village else { throw .forbidden(permission: .handleCases) }
        try requireReachesTier(staff)
        var input = WorkflowInput()
        let result = input.text(result, "result", "化解结果", max: 2000)
        let evidence = input.evidence(evidence, required: true)
        try input.check()
        return [event(.resolvedOnSite(result: result, evidence: evidence))]
    }

    /// 撤回 by the requester, or by an operator on their behalf.
    func withdraw(reason: String) throws(DomainError) -> [CaseEvent] {
        try requesterOrStaff(.acceptCases)
        var input = WorkflowInput()
        let reason = input.text(reason, "reason", "撤回理由", max: 500)
        try input.check()
        return [event(.withdrawn(reason: reason))]
    }
}
