import Foundation

/// One decision in progress: the inputs of `CaseWorkflow.decide` and the checks the commands share.
struct CaseDecision {
    let snapshot: CaseSnapshot
    let actor: CaseActor
    let now: Date
    let policy: CasePolicy
    let command: CaseCommand.Name

    func event(_ payload: CaseEvent.Payload) -> CaseEvent {
        CaseEvent(payload, actor: CaseEventActor(actor), at: now)
    }

    static let notFound = DomainError.notFound(what: "案件")

    /// The case must be visible to the actor: inside a staff member's jurisdiction (and, for department
    /// staff, involving their department); the requester must hold the case's tracking code.
    func requireVisible() throws(DomainError) {
        switch actor {
        case .staff(let staff):
            guard staff.jurisdiction.contains(snapshot.location) else { throw Self.notFound }
            if let department = staff.departmentID, !snapshot.involves(department: department) { throw Self.notFound }
        case .requester(let code):
            guard let own = snapshot.trackingCode, own == code else { throw Self.notFound }
        case .system:
            break
        }
    }

    /// The acting staff member, who must hold one of `permissions` (a person, not a machine token).
    func staff(_ permissions: Permission...) throws(DomainError) -> Staff {
        let first = permissions.first ?? .viewCases
        guard case .staff(let staff) = actor, !staff.isMachine, permissions.contains(where: staff.may) else {
            throw .forbidden(permission: first)
        }
        return staff
    }

    /// The acting staff member of a centre or a grid (not of a department), holding one of `permissions`.
    func centreStaff(_ permissions: Permission...) throws(DomainError) -> Staff {
        let first = permissions.first ?? .viewCases
        guard case .staff(let staff) = actor, !staff.isMachine, staff.departmentID == nil,
            permissions.contains(where: staff.may)
        else { throw .forbidden(permission: first) }
        return staff
    }

    /// The tier a staff member works on, from the level of their jurisdiction.
    func tier(of staff: Staff) -> MediationTier { MediationTier(areaLevel: staff.jurisdiction.level) }

    /// Centres below the case's tier no longer act on it.
    func requireReachesTier(_ staff: Staff) throws(DomainError) {
        guard tier(of: staff) >= snapshot.tier else {
            throw .conflict(
                code: "tier_above_actor",
                message: "案件已到“\(snapshot.tier.chineseName)”层级,须由该层级或上级中心\(command.chineseName)")
        }
    }

    /// The handler of the case's lead part: staff of the lead department; without a department (resolved
    /// on site, then reopened) a grid or centre handler who reaches the case's tier.
    func leadHandler() throws(DomainError) -> Staff {
        if let lead = snapshot.lead {
            let staff = try staff(.handleCases)
            guard staff.departmentID == lead.department else { throw .forbidden(permission: .handleCases) }
            return staff
        }
        let staff = try centreStaff(.handleCases, .mediate)
        try requireReachesTier(staff)
        return staff
    }

    /// The requester, or staff with `permission` acting on their behalf.
    func requesterOrStaff(_ permission: Permission) throws(DomainError) {
        if case .requester = actor { return }
        _ = try centreStaff(permission)
    }
}
