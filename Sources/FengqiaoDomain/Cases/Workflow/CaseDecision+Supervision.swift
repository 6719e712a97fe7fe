import Foundation

extension CaseDecision {
    /// 催办 / 督办 / 挂牌督办 by a leader or centre above the case's tier (at the top tier, the city itself).
    func supervise(_ kind: SupervisionKind, note: String, responseDue: Date?) throws(DomainError) -> [CaseEvent] {
        let staff = try centreStaff(.superviseCases)
        let own = tier(of: staff)
        guard own > snapshot.tier || (own == .city && snapshot.tier == .city) else {
            throw .conflict(
                code: "not_above_tier", message: "督办须由案件所在层级“\(snapshot.tier.chineseName)”的上级发起")
        }
        var input = WorkflowInput()
        let note = input.text(note, "note", "督办意见", max: 1000)
        if let responseDue {
            input.future(responseDue, after: now, "responseDue", "答复期限")
        } else if kind == .order {
            input.add(.required("responseDue", label: "答复期限"))
        }
        try input.check()
        let number = snapshot.supervisions.count + 1
        return [event(.supervised(number: number, kind: kind, note: note, responseDue: responseDue))]
    }

    /// The answer to an order or listing, by the lead department or the centre at the case's tier.
    func respondToSupervision(number: Int, response: String) throws(DomainError) -> [CaseEvent] {
        let staff = try staff(.handleCases, .dispatchCases)
        if let department = staff.departmentID {
            guard snapshot.lead?.department == department else { throw .forbidden(permission: .handleCases) }
        } else {
            try requireReachesTier(staff)
        }
        guard let supervision = snapshot.supervisions.first(where: { $0.number == number }) else {
            throw .notFound(what: "督办事项")
        }
        guard supervision.isOpen else {
            let message = supervision.kind.requiresResponse ? "该督办事项已答复" : "催办无需答复"
            throw .conflict(code: "supervision_not_open", message: message)
        }
        var input = WorkflowInput()
        let response = input.text(response, "response", "督办答复", max: 2000)
        try input.check()
        return [event(.supervisionAnswered(number: number, response: response))]
    }
}
