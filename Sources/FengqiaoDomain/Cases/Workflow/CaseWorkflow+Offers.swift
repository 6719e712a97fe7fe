import Foundation

extension CaseWorkflow {
    /// The commands `actor` may issue on `snapshot` now, in `CaseCommand.Name` order: each is asked of
    /// the workflow with placeholder input, and offered when the only refusal is about that input
    /// (`.validation`) — so the page offers exactly what the rules allow, without repeating them.
    /// `archive` belongs to the jobs and is never offered.
    public static func offered(
        _ snapshot: CaseSnapshot, by actor: CaseActor, at now: Date, policy: CasePolicy = CasePolicy()
    ) -> [CaseCommand.Name] {
        CaseCommand.Name.allCases.filter { name in
            guard name != .archive, CaseTransitionTable.allows(name, in: snapshot.state) else { return false }
            switch decide(snapshot, probe(name, snapshot: snapshot, actor: actor, now: now), by: actor, at: now,
                          policy: policy) {
            case .success: return true
            case .failure(.validation): return true
            case .failure: return false
            }
        }
    }

    /// `name` with input that passes every check but the input's own (empty texts, no departments).
    static func probe(_ name: CaseCommand.Name, snapshot: CaseSnapshot, actor: CaseActor, now: Date) -> CaseCommand {
        switch name {
        case .accept:
            .accept(CaseAcceptance(kind: snapshot.kind, category: snapshot.category ?? "", urgency: snapshot.urgency,
                                   tier: snapshot.tier))
        case .reject: .reject(reason: "", noticeChannel: .phone)
        case .merge: .merge(into: 0)
        case .split: .split
        case .resolveOnSite: .resolveOnSite(result: "", evidence: [])
        case .dispatch: .dispatch(DispatchOrder(lead: 0, deadline: now, returnWindowEnds: now))
        case .signFor: .signFor
        case .returnCase: .returnCase(reason: "")
        case .ruleOnReturn: .ruleOnReturn(.uphold)
        case .escalate: .escalate(reason: "")
        case .recordAttempt: .recordAttempt(outcome: AttemptOutcome.allCases.first ?? .failed, note: "")
        case .whistle: .whistle(departments: [], checkInDue: now)
        case .checkIn:
            // Department staff check in for their own department; the centre for any still summoned.
            .checkIn(department: {
                if case .staff(let staff) = actor, let own = staff.departmentID { return own }
                return snapshot.openWhistles.first?.pendingDepartments.first ?? 0
            }())
        case .requestExtension: .requestExtension(until: now, reason: "")
        case .approveExtension: .approveExtension
        case .denyExtension: .denyExtension(reason: "")
        case .addProgress: .addProgress(note: "", isPublic: false)
        case .feedback: .feedback(result: "", evidence: [], waivedAssisting: [])
        case .verify: .verify(pass: false, reason: nil)
        case .close: .close(reply: "", channel: .phone)
        case .revisit: .revisit(satisfaction: .satisfied, channel: .phone)
        case .supervise: .supervise(kind: .reminder, note: "", responseDue: nil)
        case .respondToSupervision:
            .respondToSupervision(number: snapshot.supervisions.first(where: \.isOpen)?.number ?? 0, response: "")
        case .withdraw: .withdraw(reason: "")
        case .archive: .archive
        }
    }
}
