import FengqiaoDomain
import Foundation

extension CaseCommandRequest {
    /// The typed command for `snapshot`, or the field errors of the body. `mergeTarget` is the row id of
    /// the case named by `into` (the engine resolves it); dispatch deadlines left out come from the
    /// case's SLA preset and `calendar`, the return window and check-in times from `policy`.
    func command(
        snapshot: CaseSnapshot, category: String, mergeTarget: Int64?, now: Date, calendar: BusinessCalendar,
        policy: CasePolicy
    ) throws(DomainError) -> CaseCommand {
        var errors: [FieldError] = []
        func pick<T: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, _ label: String, default d: T?)
            -> T? where T.RawValue == String
        {
            guard let value, !value.isEmpty else {
                if d == nil { errors.append(.required(field, label: label)) }
                return d
            }
            guard let parsed = T(rawValue: value) else {
                let choices = T.allCases.map(\.rawValue).joined(separator: "、")
                errors.append(FieldError(field: field, code: "invalid_choice", message: "\(label)无效,可选:\(choices)"))
                return nil
            }
            return parsed
        }
        func required<T>(_ value: T?, _ field: String, _ label: String) -> T? {
            if value == nil { errors.append(.required(field, label: label)) }
            return value
        }
        let b = body
        let command: CaseCommand?
        switch name {
        case .accept:
            let kind: CaseKind? = pick(b.kind, "kind", "事件类型", default: snapshot.kind)
            let urgency: Urgency? = pick(b.urgency, "urgency", "紧急程度", default: snapshot.urgency)
            let tier: MediationTier? = pick(b.tier, "tier", "办理层级", default: snapshot.tier)
            command = kind.flatMap { kind in urgency.flatMap { urgency in tier.map { tier in
                .accept(CaseAcceptance(kind: kind, category: b.category ?? category, urgency: urgency, tier: tier,
                                       slaPreset: b.slaPreset))
            } } }
        case .reject:
            let channel: ContactChannel? = pick(b.channel, "channel", "告知方式", default: nil)
            command = channel.map { .reject(reason: b.reason ?? "", noticeChannel: $0) }
        case .merge:
            if b.into == nil { errors.append(.required("into", label: "合并目标案件编号")) }
            command = .merge(into: mergeTarget ?? 0)
        case .split: command = .split
        case .resolveOnSite: command = .resolveOnSite(result: b.result ?? "", evidence: b.evidence ?? [])
        case .dispatch:
            command = required(b.lead, "lead", "主办部门").map {
                .dispatch(order(lead: $0, snapshot: snapshot, now: now, calendar: calendar, policy: policy))
            }
        case .signFor: command = .signFor
        case .returnCase: command = .returnCase(reason: b.reason ?? "")
        case .ruleOnReturn:
            switch b.ruling {
            case "uphold": command = .ruleOnReturn(.uphold)
            case "reassign":
                command = required(b.lead, "lead", "改派的主办部门")
                    .map {
                        .ruleOnReturn(.reassign(order(lead: $0, snapshot: snapshot, now: now, calendar: calendar, policy: policy)))
                    }
            case nil:
                errors.append(.required("ruling", label: "裁定结果"))
                command = nil
            default:
                errors.append(FieldError(field: "ruling", code: "invalid_choice", message: "裁定结果无效,可选:uphold(维持)、reassign(改派)"))
                command = nil
            }
        case .escalate: command = .escalate(reason: b.reason ?? "")
        case .recordAttempt:
            let outcome: AttemptOutcome? = pick(b.outcome, "outcome", "调解结果", default: nil)
            command = outcome.map { .recordAttempt(outcome: $0, note: b.note ?? "") }
        case .whistle:
            let departments = required(b.departments, "departments", "被召集的部门")
            let due = b.checkInDue
                ?? CaseDispatchDefaults.checkInDue(urgency: snapshot.urgency, from: now, calendar: calendar, policy: policy)
            command = departments.map { .whistle(departments: $0, checkInDue: due) }
        case .checkIn: command = required(b.department, "department", "报到部门").map { .checkIn(department: $0) }
        case .requestExtension:
            command = required(b.until, "until", "延期至").map { .requestExtension(until: $0, reason: b.reason ?? "") }
        case .approveExtension: command = .approveExtension
        case .denyExtension: command = .denyExtension(reason: b.reason ?? "")
        case .addProgress: command = .addProgress(note: b.note ?? "", isPublic: b.isPublic ?? false)
        case .feedback:
            command = .feedback(result: b.result ?? "", evidence: b.evidence ?? [], waivedAssisting: Set(b.waivedAssisting ?? []))
        case .verify: command = required(b.pass, "pass", "核查结论").map { .verify(pass: $0, reason: b.reason) }
        case .close:
            let channel: ContactChannel? = pick(b.channel, "channel", "答复方式", default: nil)
            command = channel.map { .close(reply: b.reply ?? "", channel: $0) }
        case .revisit:
            let satisfaction: Satisfaction? = pick(b.satisfaction, "satisfaction", "满意度", default: nil)
            let channel: ContactChannel? = pick(b.channel, "channel", "回访方式", default: nil)
            command = satisfaction.flatMap { s in channel.map { .revisit(satisfaction: s, channel: $0) } }
        case .supervise:
            let kind: SupervisionKind? = pick(b.kind, "kind", "督办类型", default: nil)
            command = kind.map { .supervise(kind: $0, note: b.note ?? "", responseDue: b.responseDue) }
        case .respondToSupervision:
            command = required(b.number, "number", "督办序号").map { .respondToSupervision(number: $0, response: b.response ?? "") }
        case .withdraw: command = .withdraw(reason: b.reason ?? "")
        case .archive: command = .archive
        }
        guard errors.isEmpty, let command else {
            throw .validation(errors.isEmpty ? [.invalid("body", label: "请求内容")] : errors)
        }
        return command
    }

    /// A dispatch order: the body's deadline, else the handling limit of the case's SLA preset (the one
    /// its clocks follow); the return window is the policy's.
    private func order(
        lead: Int64, snapshot: CaseSnapshot, now: Date, calendar: BusinessCalendar, policy: CasePolicy
    ) -> DispatchOrder {
        let presetDeadline = CaseDispatchDefaults.deadline(preset: CaseClockPlan.preset(for: snapshot), from: now,
                                                           calendar: calendar)
        return DispatchOrder(
            lead: lead, assisting: body.assisting ?? [], deadline: body.deadline ?? presetDeadline,
            returnWindowEnds: CaseDispatchDefaults.returnWindowEnds(from: now, calendar: calendar, policy: policy),
            presetDeadline: presetDeadline, overrideReason: body.overrideReason)
    }
}
