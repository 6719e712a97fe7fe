import Foundation

/// The case workflow as a pure function: the current snapshot, a command, who asks and when, and the
/// centre's policy in; the events to append, or a typed refusal, out. Nothing is read from outside.
///
/// Refusals, checked in this order:
/// - `.notFound("案件")`: the case is outside the actor's jurisdiction, department staff whose department
///   has no part in it and was not summoned, or a requester whose tracking code is not the case's;
/// - `.conflict("invalid_transition")`: the command does not apply in the state (`CaseTransitionTable`);
/// - `.forbidden(permission)`: the actor may not issue this command (permission, lead vs. assisting
///   department, requester or machine asking for staff work);
/// - other `.conflict` codes for the case's condition (`tier_above_actor`, `return_upheld`,
///   `return_window_passed`, `attempts_exhausted`, `top_tier`, `assisting_open` …);
/// - `.validation`: missing or malformed input, with Chinese field messages.
public enum CaseWorkflow {
    public static func decide(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date,
        policy: CasePolicy = CasePolicy()
    ) -> Result<[CaseEvent], DomainError> {
        do {
            return .success(try events(snapshot, command, by: actor, at: now, policy: policy))
        } catch {
            return .failure(error)
        }
    }

    /// `decide` as a throwing function, for services that throw anyway.
    public static func events(
        _ snapshot: CaseSnapshot, _ command: CaseCommand, by actor: CaseActor, at now: Date,
        policy: CasePolicy = CasePolicy()
    ) throws(DomainError) -> [CaseEvent] {
        let decision = CaseDecision(snapshot: snapshot, actor: actor, now: now, policy: policy, command: command.name)
        try decision.requireVisible()
        guard CaseTransitionTable.allows(command.name, in: snapshot.state) else {
            throw CaseTransitionTable.refusal(command.name, in: snapshot.state)
        }
        switch command {
        case .accept(let acceptance): return try decision.accept(acceptance)
        case .reject(let reason, let channel): return try decision.reject(reason: reason, noticeChannel: channel)
        case .merge(let into): return try decision.merge(into: into)
        case .split: return try decision.split()
        case .resolveOnSite(let result, let evidence):
            return try decision.resolveOnSite(result: result, evidence: evidence)
        case .dispatch(let order): return try decision.dispatch(order)
        case .signFor: return try decision.signFor()
        case .returnCase(let reason): return try decision.returnCase(reason: reason)
        case .ruleOnReturn(let ruling): return try decision.ruleOnReturn(ruling)
        case .escalate(let reason): return try decision.escalate(reason: reason)
        case .recordAttempt(let outcome, let note): return try decision.recordAttempt(outcome: outcome, note: note)
        case .whistle(let departments, let due): return try decision.whistle(departments: departments, checkInDue: due)
        case .checkIn(let department): return try decision.checkIn(department: department)
        case .requestExtension(let until, let reason):
            return try decision.requestExtension(until: until, reason: reason)
        case .approveExtension: return try decision.approveExtension()
        case .denyExtension(let reason): return try decision.denyExtension(reason: reason)
        case .addProgress(let note, let isPublic): return try decision.addProgress(note: note, isPublic: isPublic)
        case .feedback(let result, let evidence, let waived):
            return try decision.feedback(result: result, evidence: evidence, waivedAssisting: waived)
        case .verify(let pass, let reason): return try decision.verify(pass: pass, reason: reason)
        case .close(let reply, let channel): return try decision.close(reply: reply, channel: channel)
        case .revisit(let satisfaction, let channel): return try decision.revisit(satisfaction, channel: channel)
        case .supervise(let kind, let note, let due): return try decision.supervise(kind, note: note, responseDue: due)
        case .respondToSupervision(let number, let response):
            return try decision.respondToSupervision(number: number, response: response)
        case .withdraw(let reason): return try decision.withdraw(reason: reason)
        case .archive: return try decision.archive()
        }
    }
}
