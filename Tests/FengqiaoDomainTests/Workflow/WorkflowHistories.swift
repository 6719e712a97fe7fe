import FengqiaoDomain
import Foundation

/// Histories built through the workflow itself.
enum WorkflowHistories {
    typealias F = WorkflowFixture

    /// Events of every type, each accepted by `CaseWorkflow.decide` along a few paths.
    static func everyEventType() -> [CaseEvent] {
        var events: [CaseEvent] = []
        var snapshot = F.reported()
        events.append(F.reportedEvent())
        var clock = F.hours(0.5)
        func run(_ command: CaseCommand, _ actor: CaseActor) {
            clock = clock.addingTimeInterval(600)
            guard case .success(let new) = CaseWorkflow.decide(snapshot, command, by: actor, at: clock) else {
                fatalError("history step \(command.name) refused")
            }
            events += new
            snapshot = snapshot.applying(new)
        }
        run(.merge(into: 9), F.intakeOperator)
        run(.split, F.intakeOperator)
        run(.accept(F.acceptance), F.intakeOperator)
        run(.recordAttempt(outcome: .failed, note: "一"), F.gridWorker)
        run(.recordAttempt(outcome: .failed, note: "二"), F.gridWorker)
        run(.recordAttempt(outcome: .failed, note: "三"), F.gridWorker)
        run(.escalate(reason: "村级未果"), F.gridLeader)
        run(.whistle(departments: [F.summonedDepartment], checkInDue: clock.addingTimeInterval(3600)), F.dispatcher)
        run(.checkIn(department: F.summonedDepartment), F.summonedHandler)
        run(.dispatch(F.order(at: clock)), F.dispatcher)
        run(.returnCase(reason: "不属于本部门"), F.leadHandler)
        run(.ruleOnReturn(.reassign(F.order(at: clock))), F.dispatcher)
        run(.returnCase(reason: "仍不属于本部门"), F.leadHandler)
        run(.ruleOnReturn(.uphold), F.dispatcher)
        run(.signFor, F.leadHandler)
        run(.signFor, F.assistingHandler)
        run(.supervise(kind: .order, note: "请尽快办结", responseDue: clock.addingTimeInterval(86400)), F.countyLeader)
        run(.respondToSupervision(number: 1, response: "正在办理"), F.leadHandler)
        run(.requestExtension(until: clock.addingTimeInterval(200 * 3600), reason: "等待鉴定"), F.leadHandler)
        run(.denyExtension(reason: "不予延期"), F.dispatcher)
        run(.requestExtension(until: clock.addingTimeInterval(200 * 3600), reason: "等待鉴定"), F.leadHandler)
        run(.approveExtension, F.dispatcher)
        run(.addProgress(note: "已约谈", isPublic: true), F.leadHandler)
        run(.feedback(result: "协办完成", evidence: [], waivedAssisting: []), F.assistingHandler)
        run(.feedback(result: "已办结", evidence: ["photo"], waivedAssisting: []), F.leadHandler)
        run(.verify(pass: false, reason: "仍未整改"), F.gridWorker)
        run(.feedback(result: "已整改", evidence: ["photo-2"], waivedAssisting: []), F.leadHandler)
        run(.verify(pass: true, reason: "现场核实"), F.gridWorker)
        run(.close(reply: "已办结", channel: .phone), F.intakeOperator)
        run(.revisit(satisfaction: .unsatisfied, channel: .portal), F.requester)
        run(.feedback(result: "再次处理", evidence: [], waivedAssisting: []), F.leadHandler)
        run(.verify(pass: true, reason: nil), F.gridWorker)
        run(.close(reply: "再次答复", channel: .sms), F.intakeOperator)
        run(.archive, F.system)
        // The rest on a second case: on-site resolution, rejection and withdrawal.
        for (setup, command, actor) in [
            ([CaseCommand.accept(F.acceptance)], CaseCommand.resolveOnSite(result: "化解", evidence: ["p"]), F.gridWorker),
            ([], .reject(reason: "不予受理", noticeChannel: .letter), F.intakeOperator),
            ([], .withdraw(reason: "撤回"), F.requester),
        ] {
            snapshot = F.reported()
            for step in setup { run(step, F.intakeOperator) }
            run(command, actor)
        }
        return events
    }
}
