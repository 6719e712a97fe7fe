import FengqiaoDomain
import Foundation

/// Chooses a command and an actor for one random step: mostly a command the state allows, issued by
/// someone plausible with mostly valid input; sometimes anything at all, by anyone.
enum WorkflowWalker {
    typealias F = WorkflowFixture

    static let cityMediator = F.staff(.mediator, at: F.city, id: 30)
    static let everyone = WorkflowSamples.actors + [F.machine, cityMediator]

    static func step(_ seed: Int, _ snapshot: CaseSnapshot, now: Date) -> (CaseCommand, CaseActor) {
        var random = WorkflowRandom(seed: seed)
        let mode = random.below(100)
        if mode < 45, let (names, actors) = progress(snapshot) {
            return (command(random.pick(names), &random, snapshot, now: now), random.pick(actors))
        }
        let guided = mode < 88
        let names = guided
            ? Array(CaseTransitionTable.commands(allowedIn: snapshot.state)).sorted { $0.rawValue < $1.rawValue }
            : CaseCommand.Name.allCases
        let name = names.isEmpty ? random.pick(CaseCommand.Name.allCases) : random.pick(names)
        let actor = guided ? random.pick(likelyActors(name)) : random.pick(everyone)
        return (command(name, &random, snapshot, now: now), actor)
    }

    /// The command that moves the case along the main path from its state, and who usually issues it.
    static func progress(_ s: CaseSnapshot) -> ([CaseCommand.Name], [CaseActor])? {
        switch s.state {
        case .reported: ([.accept], [F.intakeOperator])
        case .accepted where s.returned: ([.ruleOnReturn], [F.dispatcher])
        case .accepted: ([.dispatch, .dispatch, .dispatch, .resolveOnSite], [F.dispatcher, F.dispatcher, F.gridWorker])
        case .dispatched: ([.signFor, .signFor, .returnCase], [F.leadHandler, F.assistingHandler])
        case .inProgress where s.pendingExtension != nil: ([.approveExtension, .denyExtension], [F.dispatcher])
        case .inProgress where s.lead == nil: ([.feedback], [F.gridWorker])
        case .inProgress: ([.feedback, .feedback, .signFor, .requestExtension], [F.leadHandler, F.assistingHandler])
        case .handled: ([.verify], [F.gridWorker])
        case .verified: ([.close], [F.intakeOperator])
        case .closed: ([.revisit], [F.requester, F.intakeOperator])
        case .merged: ([.split], [F.dispatcher])
        case .archived, .rejected, .withdrawn: nil
        }
    }

    static func likelyActors(_ name: CaseCommand.Name) -> [CaseActor] {
        switch name {
        case .accept: [F.intakeOperator, F.dispatcher, F.gridLeader]
        case .reject, .merge, .split, .close: [F.intakeOperator, F.dispatcher]
        case .resolveOnSite: [F.gridWorker, F.gridLeader]
        case .dispatch, .ruleOnReturn, .approveExtension, .denyExtension:
            [F.dispatcher, F.countyDispatcher, F.cityDispatcher]
        case .signFor, .returnCase, .requestExtension, .addProgress:
            [F.leadHandler, F.leadHandler, F.assistingHandler, F.otherHandler]
        case .feedback: [F.leadHandler, F.leadHandler, F.assistingHandler, F.gridWorker, F.gridLeader, F.mediator]
        case .escalate: [F.gridLeader, F.dispatcher, F.countyDispatcher, F.cityDispatcher, F.system]
        case .recordAttempt: [F.gridWorker, F.gridLeader, F.mediator, F.leadHandler, cityMediator]
        case .whistle: [F.dispatcher, F.countyDispatcher]
        case .checkIn: [F.summonedHandler, F.otherHandler, F.dispatcher]
        case .verify: [F.gridWorker, F.dispatcher, F.leadHandler]
        case .revisit, .withdraw: [F.requester, F.intakeOperator]
        case .supervise: [F.countyLeader, F.cityLeader, F.townshipLeader]
        case .respondToSupervision: [F.leadHandler, F.dispatcher, F.countyDispatcher, F.cityDispatcher]
        case .archive: [F.system, F.dispatcher]
        }
    }

    static func command(_ name: CaseCommand.Name, _ r: inout WorkflowRandom, _ s: CaseSnapshot, now: Date)
        -> CaseCommand
    {
        func text(_ valid: String) -> String { r.chance(8) ? " " : valid }
        /// Mostly 1…maxHours ahead, sometimes already past.
        func later(_ maxHours: Int) -> Date {
            now.addingTimeInterval(r.chance(12) ? -3600 : Double(1 + r.below(maxHours)) * 3600)
        }
        let departments: [Int64] = [F.leadDepartment, F.assistingDepartment, F.otherDepartment, F.summonedDepartment]
        func order() -> DispatchOrder {
            let lead = r.chance(80) ? F.leadDepartment : r.pick(departments)
            let assisting = departments.filter { $0 != lead && r.chance(30) }
            return DispatchOrder(lead: lead, assisting: assisting, deadline: later(100), returnWindowEnds: later(4))
        }
        switch name {
        case .accept:
            return .accept(CaseAcceptance(kind: r.pick(CaseKind.allCases), category: text("邻里纠纷"),
                                          urgency: r.pick(Urgency.allCases), tier: r.pick([.grid, .grid, .village, .township, .city])))
        case .reject: return .reject(reason: text("不属于受理范围"), noticeChannel: r.pick(ContactChannel.allCases))
        case .merge: return .merge(into: Int64(r.below(5)))
        case .split: return .split
        case .resolveOnSite: return .resolveOnSite(result: text("已化解"), evidence: r.chance(85) ? ["photo"] : [])
        case .dispatch: return .dispatch(order())
        case .signFor: return .signFor
        case .returnCase: return .returnCase(reason: text("不属于本部门"))
        case .ruleOnReturn: return .ruleOnReturn(r.chance(50) ? .uphold : .reassign(order()))
        case .escalate: return .escalate(reason: text("升级"))
        case .recordAttempt:
            return .recordAttempt(outcome: r.pick(AttemptOutcome.allCases), note: text("调解"))
        case .whistle:
            return .whistle(departments: departments.filter { _ in r.chance(40) }, checkInDue: later(6))
        case .checkIn: return .checkIn(department: r.pick(departments))
        case .requestExtension: return .requestExtension(until: later(300), reason: text("延期"))
        case .approveExtension: return .approveExtension
        case .denyExtension: return .denyExtension(reason: text("不同意"))
        case .addProgress: return .addProgress(note: text("进展"), isPublic: r.chance(50))
        case .feedback:
            let waived = Set(s.assisting.map(\.department).filter { _ in r.chance(50) })
            return .feedback(result: text("办结"), evidence: [], waivedAssisting: r.chance(10) ? [F.otherDepartment] : waived)
        case .verify: return .verify(pass: r.chance(60), reason: r.chance(70) ? "核查意见" : nil)
        case .close: return .close(reply: text("答复"), channel: r.pick(ContactChannel.allCases))
        case .revisit:
            // 不满意 half the time, so that reopening and its limit are exercised.
            return .revisit(satisfaction: r.chance(50) ? .unsatisfied : r.pick(Satisfaction.allCases),
                            channel: r.pick(ContactChannel.allCases))
        case .supervise:
            return .supervise(kind: r.pick(SupervisionKind.allCases), note: text("督办"),
                              responseDue: r.chance(70) ? later(72) : nil)
        case .respondToSupervision: return .respondToSupervision(number: 1 + r.below(3), response: text("答复"))
        case .withdraw: return .withdraw(reason: text("撤回"))
        case .archive: return .archive
        }
    }
}
