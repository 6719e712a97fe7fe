import FengqiaoDomain
import Foundation

/// One well-formed command of every kind and every fixture actor, for table-wide checks.
enum WorkflowSamples {
    typealias F = WorkflowFixture

    static let commands: [CaseCommand] = [
        .accept(F.acceptance),
        .reject(reason: "不属于受理范围", noticeChannel: .sms),
        .merge(into: 7),
        .split,
        .resolveOnSite(result: "已化解", evidence: ["photo"]),
        .dispatch(F.order(at: F.hours(2))),
        .signFor,
        .returnCase(reason: "不属于本部门"),
        .ruleOnReturn(.uphold),
        .escalate(reason: "升级"),
        .recordAttempt(outcome: .failed, note: "调解"),
        .whistle(departments: [F.summonedDepartment], checkInDue: F.hours(5)),
        .checkIn(department: F.summonedDepartment),
        .requestExtension(until: F.hours(200), reason: "延期"),
        .approveExtension,
        .denyExtension(reason: "不同意"),
        .addProgress(note: "进展", isPublic: false),
        .feedback(result: "办结", evidence: [], waivedAssisting: []),
        .verify(pass: true, reason: nil),
        .close(reply: "答复", channel: .phone),
        .revisit(satisfaction: .satisfied, channel: .portal),
        .supervise(kind: .reminder, note: "催办", responseDue: nil),
        .respondToSupervision(number: 1, response: "答复"),
        .withdraw(reason: "撤回"),
        .archive,
    ]

    static let actors: [CaseActor] = [
        F.intakeOperator, F.dispatcher, F.villageDispatcher, F.countyDispatcher, F.cityDispatcher, F.gridWorker,
        F.gridLeader, F.mediator, F.leadHandler, F.assistingHandler, F.otherHandler, F.summonedHandler, F.countyLeader,
        F.townshipLeader, F.cityLeader, F.requester, F.system, F.otherGridWorker, F.otherTownshipDispatcher,
    ]
}
