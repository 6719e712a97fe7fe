import Foundation

extension CaseDecision {
    /// The lead asks for a later deadline; one request at a time.
    func requestExtension(until: Date, reason: String) throws(DomainError) -> [CaseEvent] {
        _ = try leadHandler()
        guard snapshot.pendingExtension == nil else {
            throw .conflict(code: "extension_pending", message: "已有延期申请待审批")
        }
        var input = WorkflowInput()
        let reason = input.text(reason, "reason", "延期理由", max: 500)
        input.future(until, after: now, "until", "延期后的时限")
        if let deadline = snapshot.deadline, until <= deadline {
            input.add(FieldError(field: "until", code: "not_later", message: "延期后的时限须晚于原办理时限"))
        }
        try input.check()
        return [event(.extensionRequested(until: until, reason: reason))]
    }

    func approveExtension() throws(DomainError) -> [CaseEvent] {
        let pending = try pendingExtensionForCentre()
        return [event(.extensionApproved(until: pending.until))]
    }

    func denyExtension(reason: String) throws(DomainError) -> [CaseEvent] {
        _ = try pendingExtensionForCentre()
        var input = WorkflowInput()
        let reason = input.text(reason, "reason", "驳回理由", max: 500)
        try input.check()
        return [event(.extensionDenied(reason: reason))]
    }

    /// The pending request, when a dispatcher at the case's tier or above decides on it.
    private func pendingExtensionForCentre() throws(DomainError) -> PendingExtension {
        try requireReachesTier(try centreStaff(.dispatchCases))
        guard let pending = snapshot.pendingExtension else {
            throw .conflict(code: "no_extension_pending", message: "没有待审批的延期申请")
        }
        return pending
    }

    /// A progress note by a department involved in the case, or a grid or centre handler at its tier.
    func addProgress(note: String, isPublic: Bool) throws(DomainError) -> [CaseEvent] {
        let staff = try staff(.handleCases, .mediate)
        if staff.departmentID == nil { try requireReachesTier(staff) }
        var input = WorkflowInput()
        let note = input.text(note, "note", "办理进展", max: 2000)
        try input.check()
        return [event(.progressAdded(note: note, isPublic: isPublic))]
    }

    /// 处理反馈: an assisting department finishes its part; the lead reports the result once every
    /// assisting part is done or waived.
    func feedback(result: String, evidence: [String], waivedAssisting: Set<Int64>) throws(DomainError) -> [CaseEvent] {
        if case .staff(let staff) = actor, let department = staff.departmentID,
            let part = snapshot.part(of: department), part.role == .assisting
        {
            _ = try self.staff(.handleCases)
            switch part.status {
            case .signed: break
            case .dispatched: throw .conflict(code: "not_signed", message: "请先签收再反馈")
            case .done, .waived: throw .conflict(code: "part_settled", message: "贵部门的协办事项已办结")
            }
            var input = WorkflowInput()
            let result = input.text(result, "result", "协办结果", max: 2000)
            try input.check()
            return [event(.partCompleted(department: department, result: result))]
        }
        _ = try leadHandler()
        var input = WorkflowInput()
        let result = input.text(result, "result", "办理结果", max: 2000)
        let evidence = input.evidence(evidence, required: false)
        let assisting = Set(snapshot.assisting.map(\.department))
        if !waivedAssisting.isSubset(of: assisting) {
            input.add(FieldError(field: "waivedAssisting", code: "invalid_choice", message: "只能免除本案的协办部门"))
        }
        try input.check()
        let open = snapshot.assisting.filter { !$0.status.isSettled }
        let stillOpen = open.filter { !waivedAssisting.contains($0.department) }
        guard stillOpen.isEmpty else {
            throw .conflict(
                code: "assisting_open",
                message: "还有\(stillOpen.count)个协办部门未办结,请等待其反馈或在反馈中说明免除")
        }
        let waived = open.map(\.department).sorted()
        return [event(.feedbackGiven(result: result, evidence: evidence, waivedAssisting: waived))]
    }
}
