import Foundation

extension CaseDecision {
    /// One rung up, by hand (a dispatcher, grid leader or mediator at the tier) or by the system
    /// (deadline passed); always with a reason.
    func escalate(reason: String) throws(DomainError) -> [CaseEvent] {
        var automatic = false
        if case .system = actor {
            automatic = true
        } else {
            try requireReachesTier(try centreStaff(.dispatchCases, .mediate))
        }
        guard let next = snapshot.tier.next else {
            throw .conflict(code: "top_tier", message: "案件已在最高层级“\(snapshot.tier.chineseName)”,不能再升级")
        }
        var input = WorkflowInput()
        let reason = input.text(reason, "reason", "升级理由", max: 500)
        try input.check()
        return [event(.escalated(from: snapshot.tier, to: next, reason: reason, automatic: automatic))]
    }

    /// One mediation attempt at the current tier. The tier's last attempt, unless it resolved the matter,
    /// escalates the case at once when the policy says so (else a person escalates it); once the
    /// attempts are used up no more are recorded at this tier.
    func recordAttempt(outcome: AttemptOutcome, note: String) throws(DomainError) -> [CaseEvent] {
        let staff = try staff(.mediate, .handleCases)
        if staff.departmentID == nil { try requireReachesTier(staff) }
        let tier = snapshot.tier
        let limit = policy.attemptLimit(at: tier)
        let made = snapshot.attemptsAtTier
        guard made < limit else {
            throw .conflict(
                code: "attempts_exhausted", message: "“\(tier.chineseName)”已调解\(made)次,达到上限,请升级处理")
        }
        var input = WorkflowInput()
        let note = input.text(note, "note", "调解情况", max: 2000)
        try input.check()
        var events = [event(.attemptRecorded(tier: tier, number: made + 1, outcome: outcome, note: note))]
        if policy.escalatesWhenAttemptsExhausted, made + 1 == limit, outcome != .resolved, let next = tier.next {
            let reason = "“\(tier.chineseName)”调解\(limit)次未果,自动升级至“\(next.chineseName)”"
            events.append(event(.escalated(from: tier, to: next, reason: reason, automatic: true)))
        }
        return events
    }

    /// 吹哨 by a township (or higher) centre at the case's tier or above.
    func whistle(departments: [Int64], checkInDue: Date) throws(DomainError) -> [CaseEvent] {
        let staff = try centreStaff(.dispatchCases)
        guard tier(of: staff) >= .township else { throw .forbidden(permission: .dispatchCases) }
        try requireReachesTier(staff)
        var input = WorkflowInput()
        var summoned: [Int64] = []
        for department in departments where !summoned.contains(department) { summoned.append(department) }
        if summoned.isEmpty {
            input.add(FieldError(field: "departments", code: "required", message: "请选择被召集的部门"))
        } else if summoned.contains(where: { $0 <= 0 }) {
            input.add(.invalid("departments", label: "被召集的部门"))
        }
        input.future(checkInDue, after: now, "checkInDue", "报到时限")
        try input.check()
        let number = snapshot.whistles.count + 1
        return [event(.whistled(number: number, departments: summoned, checkInDue: checkInDue))]
    }

    /// 报到 of a summoned department, by its own staff or recorded by the centre; late ones are marked.
    func checkIn(department: Int64) throws(DomainError) -> [CaseEvent] {
        if case .staff(let staff) = actor, let own = staff.departmentID {
            _ = try self.staff(.handleCases)
            guard own == department else { throw .forbidden(permission: .handleCases) }
        } else {
            _ = try centreStaff(.dispatchCases)
        }
        let pending = snapshot.whistles.filter { $0.pendingDepartments.contains(department) }
        guard !pending.isEmpty else {
            throw .conflict(code: "not_summoned", message: "该部门没有待报到的吹哨召集")
        }
        return pending.map { event(.checkedIn(whistle: $0.number, department: department, late: now > $0.checkInDue)) }
    }
}
