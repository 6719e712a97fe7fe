import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Walks one case through the closed loop from its report until the reference time: each step is a
/// command decided by `CaseWorkflow` for a plausible member of staff, after a plausible delay, and the
/// case stops where the clock stops it, so recent cases are mostly open and old ones closed or
/// archived. A few cases leave the main path (rejected, merged, withdrawn, settled on the spot), some
/// have departments summoned (吹哨) before the dispatch, and a few stall in an open state (overdue work
/// for dashboards, mostly recent). A step the workflow refuses ends the path.
struct DemoCaseLifecycle {
    /// The demo runs on the default rules (a fresh database has no stored policy).
    static let policy = CasePolicy()

    /// Who acts on the case, as the workflow sees them (nil when the area has no such account).
    struct Actors {
        let reporter: CaseActor
        let intakeOperator: CaseActor?
        let dispatcher: CaseActor?
        let tier: MediationTier
        let departmentId: Int64
        let handler: CaseActor?
        let gridWorker: CaseActor?
        /// The other departments of the dispatcher's centre, which a 吹哨 may summon (by id).
        let summonable: [Int64]
    }

    /// The case's last state and snapshot, when it last changed, and its events.
    struct Outcome {
        var state = CaseState.reported
        var updatedAt: Int64 = 0
        var events: [CaseEvent] = []
        var snapshot: CaseSnapshot?
        var dispatchedAt: Int64?
        var feedbackAt: Int64?
    }

    let caseId: Int64
    let nowMs: Int64
    let kind: CaseKind
    let category: String
    let channel: Channel
    let urgency: Urgency
    let areaCode: AreaCode?
    let gridCode: AreaCode?
    let trackingCode: TrackingCode
    let actors: Actors
    /// The business calendar deadlines are counted on, as the engine counts them.
    let calendar: BusinessCalendar

    /// Appends the case's events (`case_events` rows) to `events` and says where the case ended.
    func run(reportedAt: Int64, _ random: inout DemoRandom, events: inout DemoSQLBuffer) -> Outcome {
        var path = Path(caseId: caseId, nowMs: nowMs, channel: channel, at: reportedAt)
        guard let areaCode else { return finish(path) }
        let reported = CaseEvent.reported(
            kind: kind, channel: channel, urgency: urgency, areaCode: areaCode, gridCode: gridCode,
            trackingCode: trackingCode, by: actors.reporter, at: Date(millisecondsSince1970: reportedAt))
        guard path.report(reported, into: &events) else { return finish(path) }
        let op = actors.intakeOperator
        let handler = actors.handler
        let worker = actors.gridWorker
        let dispatcher = actors.dispatcher
        let stallAt: CaseState? =
            random.chance(stallChance(reportedAt: reportedAt))
            ? random.pick([.reported, .accepted, .dispatched, .inProgress, .inProgress, .handled, .verified]) : nil
        func step(_ command: (Int64) -> CaseCommand, by actor: CaseActor?, hours: Double) -> Step {
            guard path.state != stallAt else { return .later }
            let delay = random.spread(median: hours * 3_600_000, sigma: 0.9)
            return path.step(command, by: actor, after: delay, into: &events)
        }
        func step(_ command: CaseCommand, by actor: CaseActor?, hours: Double) -> Step {
            step({ _ in command }, by: actor, hours: hours)
        }
        func go(_ command: CaseCommand, by actor: CaseActor?, hours: Double) -> Bool {
            step(command, by: actor, hours: hours) == .done
        }
        let branch = random.unit()
        let onSiteShare =
            channel == .gridWorker ? 0.4 : [.dispute, .urbanManagement, .safetyHazard].contains(kind) ? 0.04 : 0
        if branch < 0.04 {
            let reason = random.pick(Self.rejectReasons)
            _ = go(.reject(reason: reason, noticeChannel: noticeChannel), by: op, hours: 5)
            return finish(path)
        }
        if branch < 0.06, caseId > 1 {
            if random.chance(0.5) {
                guard go(.accept(acceptance(tier: actors.tier)), by: op, hours: 2) else { return finish(path) }
            }
            let into = max(1, caseId - Int64(random.int(1...60)))
            _ = go(.merge(into: into), by: op, hours: 3)
            return finish(path)
        }
        let withdrawAfter = branch < 0.08 ? random.int(1...3) : Int.max
        // Settled on the spot by the grid worker: accepted at the grid tier, so the grid may act.
        let onSite = random.chance(onSiteShare) && gridCode != nil
        guard go(.accept(acceptance(tier: onSite ? .grid : actors.tier)), by: op, hours: channel == .letter ? 20 : 2)
        else { return finish(path) }
        if onSite {
            let result = "网格员现场协调化解"
            guard go(.resolveOnSite(result: result, evidence: ["现场照片"]), by: worker, hours: 1) else {
                return finish(path)
            }
        } else {
            if random.chance(whistleChance), !actors.summonable.isEmpty {
                // 吹哨报到: the centre summons one or two departments, which check in (recorded by the
                // centre), some late; a check-in still due at the reference time leaves the case waiting.
                var summoned = [random.pick(actors.summonable)]
                if random.chance(0.4), case let second = random.pick(actors.summonable), second != summoned[0] {
                    summoned.append(second)
                }
                let due = { (at: Int64) in
                    CaseDispatchDefaults.checkInDue(
                        urgency: urgency, from: Date(millisecondsSince1970: at), calendar: calendar, policy: Self.policy)
                }
                switch step({ .whistle(departments: summoned, checkInDue: due($0)) }, by: dispatcher, hours: 1) {
                case .done:
                    for department in summoned {
                        let hours = urgency == .normal ? 5.0 : 0.4
                        guard step(.checkIn(department: department), by: dispatcher, hours: hours) != .later else {
                            return finish(path)
                        }
                    }
                case .later: return finish(path)
                case .refused: break
                }
            }
            guard step({ .dispatch(order(at: $0)) }, by: dispatcher, hours: 1.5) == .done else { return finish(path) }
            if random.chance(0.03) {
                switch step(.returnCase(reason: "不属于本部门职责"), by: handler, hours: 1) {
                case .done:
                    guard go(.ruleOnReturn(.uphold), by: dispatcher, hours: 2) else { return finish(path) }
                case .later: return finish(path)
                case .refused: break  // past the return window: the department signs for it after all
                }
            }
            if withdrawAfter == 1 { return withdraw(&path, op, &random, &events) }
            guard go(.signFor, by: handler, hours: 3) else { return finish(path) }
            var rounds = random.chance(0.03) ? 2 : 1
            while rounds > 0 {
                rounds -= 1
                for _ in 0..<(random.chance(0.3) ? random.int(1...2) : 0) {
                    let note = random.pick(Self.notes)
                    guard go(.addProgress(note: note, isPublic: true), by: handler, hours: 20) else {
                        return finish(path)
                    }
                }
                if withdrawAfter == 2 { return withdraw(&path, op, &random, &events) }
                let result = random.pick(Self.results)
                guard go(.feedback(result: result, evidence: [], waivedAssisting: []), by: handler, hours: handlingHours)
                else { return finish(path) }
                if rounds > 0 {
                    guard go(.verify(pass: false, reason: "现场仍未整改到位"), by: worker, hours: 18) else {
                        return finish(path)
                    }
                }
            }
        }
        if withdrawAfter == 3 { return withdraw(&path, op, &random, &events) }
        guard go(.verify(pass: true, reason: nil), by: worker, hours: 18),
            go(.close(reply: reply, channel: replyChannel), by: op, hours: 6)
        else { return finish(path) }
        while true {
            if random.chance(0.15) {
                _ = go(.archive, by: .system(job: "revisit-window"), hours: 7 * 24)
                return finish(path)
            }
            // 不满意 reopens the case while the workflow's reopen limit allows.
            let satisfaction: Satisfaction = [.satisfied, .basicallySatisfied, .unsatisfied][
                random.weightedIndex([82, 13, 2])]
            guard go(.revisit(satisfaction: satisfaction, channel: .phone), by: op, hours: 36),
                path.state == .inProgress
            else { return finish(path) }
            // Without a department (settled on the spot) the grid worker takes the reopened case again.
            let again = path.snapshot?.lead == nil ? worker : handler
            let result = random.pick(Self.results)
            guard go(.feedback(result: result, evidence: [], waivedAssisting: []), by: again, hours: handlingHours),
                go(.verify(pass: true, reason: nil), by: worker, hours: 18),
                go(.close(reply: reply, channel: .phone), by: op, hours: 6)
            else { return finish(path) }
        }
    }

    /// How likely the case stalls in an open state: 4% of the last month's cases, fewer the older they
    /// are (centres clear old backlogs), so that the overdue list holds a backlog of a realistic size
    /// rather than months of forgotten cases.
    private func stallChance(reportedAt: Int64) -> Double {
        let days = Double(max(0, nowMs - reportedAt)) / 86_400_000
        return days <= 30 ? 0.04 : 0.04 * exp(-(days - 30) / 60)
    }

    private func finish(_ path: Path) -> Outcome {
        var outcome = path.outcome
        outcome.snapshot = path.snapshot
        outcome.dispatchedAt = path.dispatchedAt
        outcome.feedbackAt = path.feedbackAt
        return outcome
    }

    private func withdraw(
        _ path: inout Path, _ op: CaseActor?, _ random: inout DemoRandom, _ events: inout DemoSQLBuffer
    ) -> Outcome {
        let reason = random.pick(["当事人已自行协商解决", "反映人表示问题已不存在", "反映人改走诉讼途径"])
        _ = path.step(
            .withdraw(reason: reason), by: op, after: random.spread(median: 30 * 3_600_000, sigma: 0.8), into: &events)
        return finish(path)
    }

    private func acceptance(tier: MediationTier) -> CaseAcceptance {
        CaseAcceptance(kind: kind, category: category, urgency: urgency, tier: tier)
    }

    /// The dispatch to the lead department with the engine's defaults: the handling deadline of the
    /// case's SLA preset and the policy's window to return it, on the business calendar.
    private func order(at: Int64) -> DispatchOrder {
        let now = Date(millisecondsSince1970: at)
        return DispatchOrder(
            lead: actors.departmentId,
            deadline: CaseDispatchDefaults.deadline(
                preset: SLAPreset.for(category: .hotline, urgency: urgency), from: now, calendar: calendar),
            returnWindowEnds: CaseDispatchDefaults.returnWindowEnds(from: now, calendar: calendar, policy: Self.policy))
    }

    /// How often the centre summons departments (吹哨) before dispatching: disputes and hazards more
    /// often, urgent matters twice as often.
    private var whistleChance: Double {
        let base = kind == .dispute ? 0.08 : kind == .safetyHazard ? 0.05 : 0.02
        return urgency == .normal ? base : base * 2
    }

    private var noticeChannel: ContactChannel { channel == .letter ? .letter : replyChannel }
    private var replyChannel: ContactChannel {
        channel == .web || channel == .qrCode || channel == .snapshot ? .sms : .phone
    }
    private var reply: String { "您反映的问题已办理完毕，感谢您对基层治理工作的支持。" }

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
