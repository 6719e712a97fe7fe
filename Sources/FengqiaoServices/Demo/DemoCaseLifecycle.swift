import FengqiaoDomain

/// Walks one case through the closed loop from its report until the reference time: each step
/// happens after a plausible delay, and the case stops where the clock stops it, so recent cases are
/// mostly open and old ones closed or archived. A few cases leave the main path (rejected, merged,
/// withdrawn, settled on the spot) and a few stall in an open state (overdue work for dashboards).
struct DemoCaseLifecycle {
    /// Who acts on the case.
    struct Actors {
        let reporter: String
        let intakeOperator: Int64
        let dispatcher: Int64
        let tier: String
        let departmentId: Int64
        let department: String
        let handler: Int64
        let gridWorker: Int64
    }

    /// The case's last state, when it last changed, and how many events it has.
    struct Outcome {
        var state = CaseState.reported
        var updatedAt: Int64 = 0
        var events = 0
    }

    let caseId: Int64
    let nowMs: Int64
    let kind: CaseKind
    let channel: Channel
    let urgency: Urgency
    let actors: Actors

    /// Appends the case's events (`case_events` rows) to `events` and says where the case ended.
    func run(reportedAt: Int64, _ random: inout DemoRandom, events: inout DemoSQLBuffer) -> Outcome {
        var path = Path(caseId: caseId, nowMs: nowMs, at: reportedAt)
        path.record("report", nil, .reported, actors.reporter, #"{"channel":"\#(channel.rawValue)"}"#, into: &events)
        let op = "account:\(actors.intakeOperator)"
        let handler = "account:\(actors.handler)"
        let worker = "account:\(actors.gridWorker)"
        let dispatcher = "account:\(actors.dispatcher)"
        let stallAt: CaseState? =
            random.chance(0.04)
            ? random.pick([.reported, .accepted, .dispatched, .inProgress, .inProgress, .handled, .verified]) : nil
        func go(
            _ type: String, to state: CaseState, by actor: String, hours: Double, _ payload: String = "{}"
        ) -> Bool {
            guard path.outcome.state != stallAt else { return false }
            let delay = random.spread(median: hours * 3_600_000, sigma: 0.9)
            return path.step(type, to: state, by: actor, after: delay, payload, into: &events)
        }
        let branch = random.unit()
        let onSiteShare =
            channel == .gridWorker ? 0.4 : [.dispute, .urbanManagement, .safetyHazard].contains(kind) ? 0.04 : 0
        if branch < 0.04 {
            _ = go("reject", to: .rejected, by: op, hours: 5, #"{"reason":"\#(random.pick(Self.rejectReasons))"}"#)
            return path.outcome
        }
        if branch < 0.06, caseId > 1 {
            if random.chance(0.5) {
                guard go("accept", to: .accepted, by: op, hours: 2, accepted) else { return path.outcome }
            }
            let into = max(1, caseId - Int64(random.int(1...60)))
            _ = go("merge", to: .merged, by: op, hours: 3, #"{"into":\#(into)}"#)
            return path.outcome
        }
        let withdrawAfter = branch < 0.08 ? random.int(1...3) : Int.max
        guard go("accept", to: .accepted, by: op, hours: channel == .letter ? 20 : 2, accepted) else {
            return path.outcome
        }
        if random.chance(onSiteShare) {
            guard go("resolveOnSite", to: .handled, by: worker, hours: 1, #"{"result":"网格员现场协调化解"}"#) else {
                return path.outcome
            }
        } else {
            guard go("dispatch", to: .dispatched, by: dispatcher, hours: 1.5, dispatched(path.at)) else {
                return path.outcome
            }
            if random.chance(0.03) {
                guard go("returnCase", to: .accepted, by: handler, hours: 1, #"{"reason":"不属于本部门职责"}"#),
                    go("ruleOnReturn", to: .dispatched, by: dispatcher, hours: 2, #"{"ruling":"uphold"}"#)
                else { return path.outcome }
            }
            if withdrawAfter == 1 { return withdraw(&path, op, &random, &events) }
            guard go("signFor", to: .inProgress, by: handler, hours: 3, department) else { return path.outcome }
            var rounds = random.chance(0.03) ? 2 : 1
            while rounds > 0 {
                rounds -= 1
                for _ in 0..<(random.chance(0.3) ? random.int(1...2) : 0) {
                    guard
                        go(
                            "addProgress", to: .inProgress, by: handler, hours: 20,
                            #"{"note":"\#(random.pick(Self.notes))"}"#)
                    else { return path.outcome }
                }
                if withdrawAfter == 2 { return withdraw(&path, op, &random, &events) }
                guard
                    go(
                        "feedback", to: .handled, by: handler, hours: handlingHours,
                        #"{"result":"\#(random.pick(Self.results))"}"#)
                else { return path.outcome }
                if rounds > 0 {
                    guard go("verify", to: .inProgress, by: worker, hours: 18, #"{"pass":false,"reason":"现场仍未整改到位"}"#)
                    else { return path.outcome }
                }
            }
        }
        if withdrawAfter == 3 { return withdraw(&path, op, &random, &events) }
        guard go("verify", to: .verified, by: worker, hours: 18, #"{"pass":true}"#),
            go("close", to: .closed, by: op, hours: 6, #"{"replyChannel":"\#(replyChannel)"}"#)
        else { return path.outcome }
        var reopened = false
        while true {
            if random.chance(0.15) {
                _ = go("archive", to: .archived, by: "system", hours: 7 * 24, #"{"reason":"revisitWindowElapsed"}"#)
                return path.outcome
            }
            let rating = random.weightedIndex([82, 13, 5])
            let satisfaction = ["satisfied", "basicallySatisfied", "dissatisfied"][rating]
            let reopen = rating == 2 && !reopened && random.chance(0.4)
            guard
                go(
                    "revisit", to: reopen ? .inProgress : .archived, by: op, hours: 36,
                    #"{"satisfaction":"\#(satisfaction)"}"#), reopen
            else { return path.outcome }
            reopened = true
            guard
                go(
                    "feedback", to: .handled, by: handler, hours: handlingHours,
                    #"{"result":"\#(random.pick(Self.results))"}"#),
                go("verify", to: .verified, by: worker, hours: 18, #"{"pass":true}"#),
                go("close", to: .closed, by: op, hours: 6, #"{"replyChannel":"phone"}"#)
            else { return path.outcome }
        }
    }

    private func withdraw(
        _ path: inout Path, _ op: String, _ random: inout DemoRandom, _ events: inout DemoSQLBuffer
    ) -> Outcome {
        let reason = random.pick(["当事人已自行协商解决", "反映人表示问题已不存在", "反映人改走诉讼途径"])
        _ = path.step(
            "withdraw", to: .withdrawn, by: op, after: random.spread(median: 30 * 3_600_000, sigma: 0.8),
            #"{"reason":"\#(reason)","onBehalfOfRequester":true}"#, into: &events)
        return path.outcome
    }

    private var accepted: String { #"{"urgency":"\#(urgency.rawValue)","tier":"\#(actors.tier)"}"# }
    private var department: String { #"{"departmentId":\#(actors.departmentId),"department":"\#(actors.department)"}"# }
    private var replyChannel: String { channel == .web || channel == .qrCode || channel == .snapshot ? "sms" : "phone" }

    private func dispatched(_ at: Int64) -> String {
        let days: Int64 = urgency == .normal ? (kind == .policyInquiry ? 3 : 10) : urgency == .urgent ? 3 : 1
        let deadline = at + days * 86_400_000
        return #"{"departmentId":\#(actors.departmentId),"department":"\#(actors.department)","deadline":\#(deadline)}"#
    }

    private var handlingHours: Double {
        switch urgency {
        case .critical: 6
        case .urgent: 24
        case .normal: kind == .policyInquiry ? 20 : 90
        }
    }

    private static let rejectReasons = ["不属于受理范围，已告知反映人依法通过诉讼途径解决", "反映内容不具体，无法核实", "重复反映，已在办理中"]
    private static let notes = ["已联系反映人，约定上门核实", "已现场查看，正在协调相关方", "已组织双方当面沟通", "已下发整改通知书"]
    private static let results = [
        "经调解双方达成一致，已签订调解协议", "已督促责任单位整改完毕", "已协调相关单位完成维修", "已向反映人解释相关政策并办结",
        "已依法处置并对当事人进行教育", "已纳入常态化巡查，问题已解决",
    ]
}
