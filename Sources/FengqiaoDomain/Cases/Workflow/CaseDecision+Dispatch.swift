import Foundation

extension CaseDecision {
    /// 指挥派遣 by a dispatcher at the case's tier or above.
    func dispatch(_ order: DispatchOrder) throws(DomainError) -> [CaseEvent] {
        let staff = try centreStaff(.dispatchCases)
        try requireReachesTier(staff)
        guard !snapshot.returned else {
            throw .conflict(code: "return_pending", message: "案件已被退回,请先裁定退回申请(维持原派遣或改派)")
        }
        return [event(.dispatched(order: try validated(order)))]
    }

    /// 签收 by the staff of a department with a part still to be signed for.
    func signFor() throws(DomainError) -> [CaseEvent] {
        let staff = try staff(.handleCases)
        guard let department = staff.departmentID, let part = snapshot.part(of: department) else {
            throw .forbidden(permission: .handleCases)
        }
        guard part.status == .dispatched else {
            throw .conflict(code: "already_signed", message: "贵部门已签收本案")
        }
        return [event(.signedFor(department: department, role: part.role))]
    }

    /// 退回 by the lead department, inside the return window, unless a return was already refused.
    func returnCase(reason: String) throws(DomainError) -> [CaseEvent] {
        let staff = try staff(.handleCases)
        guard let lead = snapshot.lead, staff.departmentID == lead.department else {
            throw .forbidden(permission: .handleCases)
        }
        guard !snapshot.returnUpheld else {
            throw .conflict(code: "return_upheld", message: "本案的退回申请已被驳回,不能再次退回")
        }
        if let windowEnds = snapshot.returnWindowEnds, now > windowEnds {
            throw .conflict(code: "return_window_passed", message: "已超过退回时限,不能退回,请签收办理或申请延期")
        }
        var input = WorkflowInput()
        let reason = input.text(reason, "reason", "退回理由", max: 500)
        try input.check()
        return [event(.returned(department: lead.department, reason: reason))]
    }

    /// The centre rules on a return: uphold (back to the same departments, no further return) or reassign.
    func ruleOnReturn(_ ruling: ReturnRuling) throws(DomainError) -> [CaseEvent] {
        let staff = try centreStaff(.dispatchCases)
        try requireReachesTier(staff)
        guard snapshot.returned, let lead = snapshot.lead else {
            throw .conflict(code: "not_returned", message: "案件未被退回,无需裁定")
        }
        switch ruling {
        case .uphold:
            return [event(.returnUpheld(department: lead.department))]
        case .reassign(let order):
            return [event(.reassigned(order: try validated(order)))]
        }
    }

    /// The order with its text trimmed, or the field errors of its departments and dates.
    func validated(_ order: DispatchOrder) throws(DomainError) -> DispatchOrder {
        var input = WorkflowInput()
        var result = order
        if order.lead <= 0 { input.add(.required("lead", label: "主办部门")) }
        if order.assisting.contains(where: { $0 <= 0 }) || Set(order.assisting).count != order.assisting.count {
            input.add(FieldError(field: "assisting", code: "invalid_choice", message: "协办部门有重复或无效的选择"))
        } else if order.assisting.contains(order.lead) {
            input.add(FieldError(field: "assisting", code: "invalid_choice", message: "主办部门不能同时作为协办部门"))
        }
        input.future(order.deadline, after: now, "deadline", "办理时限")
        input.future(order.returnWindowEnds, after: now, "returnWindowEnds", "退回时限")
        result.overrideReason = input.optionalText(order.overrideReason, "overrideReason", "调整时限的理由", max: 500)
        if let preset = order.presetDeadline, preset != order.deadline, result.overrideReason == nil {
            input.add(.required("overrideReason", label: "调整办理时限的理由"))
        }
        try input.check()
        return result
    }
}
