import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension CaseEngine {
    /// The `cases` columns after a command (`due_at` and `clock_status` belong to `CaseClockBook`).
    static func projection(_ s: CaseSnapshot, record: CaseRecord, now: Date) -> CaseProjection {
        let supervision = s.openSupervisions.last?.kind.rawValue ?? "none"
        return CaseProjection(
            state: s.state.rawValue, version: s.version, kind: s.kind.rawValue, category: s.category ?? record.category,
            urgency: s.urgency.rawValue, tier: s.tier.rawValue, leadDepartmentId: s.lead?.department,
            supervision: supervision, resolvedTier: s.resolution?.tier.rawValue,
            resolvedAt: s.resolution?.at.millisecondsSince1970, satisfaction: s.satisfaction?.rawValue,
            updatedAt: now.millisecondsSince1970)
    }

    /// Moves the case from its old (kind, state) counter cell to the new one, on its reported day.
    static func moveCounters(_ record: CaseRecord, to projection: CaseProjection, in db: any SQLDatabase) async throws {
        guard record.kind != projection.kind || record.state != projection.state else { return }
        let cases = CaseRepository(db)
        try await cases.addToDailyCount(day: record.reportedDay, areaCode: record.areaCode, kind: record.kind,
                                        channel: record.channel, state: record.state, delta: -1)
        try await cases.addToDailyCount(day: record.reportedDay, areaCode: record.areaCode, kind: projection.kind,
                                        channel: record.channel, state: projection.state, delta: 1)
    }

    /// Keeps `case_assignments` equal to the departments' parts — one row per department, `returned` for
    /// the lead while a return awaits the ruling — and to the summoned departments without a part
    /// (`CaseSummons`).
    static func syncAssignments(caseId: Int64, before: CaseSnapshot, after: CaseSnapshot, now: Date, in db: any SQLDatabase)
        async throws
    {
        guard before.parts != after.parts || before.returned != after.returned || before.deadline != after.deadline
            || before.whistles != after.whistles
        else { return }
        let repository = CaseEngineRepository(db)
        let existing = Dictionary(
            try await repository.assignments(caseId: caseId).filter { $0.role != CaseSummons.role }
                .map { ($0.departmentId, $0) },
            uniquingKeysWith: { a, _ in a })
        let nowMs = now.millisecondsSince1970
        let parts = after.parts.map { part in
            let old = existing[part.department]
            let state = part.role == .lead && after.returned ? "returned" : part.status.rawValue
            return CaseAssignmentRecord(
                caseId: caseId, departmentId: part.department, role: part.role.rawValue, state: state,
                dispatchedAt: old?.dispatchedAt ?? nowMs, signedAt: part.signedAt?.millisecondsSince1970,
                doneAt: part.status.isSettled ? (old?.doneAt ?? nowMs) : nil,
                dueAt: after.deadline?.millisecondsSince1970)
        }
        try await repository.replaceAssignments(caseId: caseId, with: parts + CaseSummons.rows(after, caseId: caseId))
    }

    /// The view of a case from its row and events (or its legacy rows), its clocks as `case_clocks`
    /// holds them, and its whistles as of `now`.
    static func view(
        _ record: CaseRecord, caseId: Int64, events: [CaseEvent], legacy: [CaseEventRecord]? = nil, now: Date,
        in db: any SQLDatabase
    ) async throws -> CaseView {
        let repository = CaseEngineRepository(db)
        let snapshot = legacy == nil ? CaseSnapshot.replay(events) : nil
        let clockRows = try await CaseClockRepository(db).clocks(caseId: caseId)
        let whistles = snapshot?.whistles ?? []
        let departments = (snapshot?.parts.map(\.department) ?? []) + clockRows.compactMap(\.departmentId)
            + whistles.flatMap(\.departments)
        let names = try await repository.departmentNames(Array(Set(departments)).sorted())
        func part(_ p: DepartmentPart) -> CaseView.Part {
            CaseView.Part(department: p.department, name: names[p.department], status: p.status.rawValue,
                          statusName: p.status.chineseName)
        }
        let channel = Channel(rawValue: record.channel)
        let timeline: [CaseView.Entry]
        if let legacy {
            timeline = legacy.map {
                CaseView.Entry(type: $0.type, label: CaseEventLabel.legacyLabel($0.type), actor: $0.actor,
                               at: Date(millisecondsSince1970: $0.at), note: nil)
            }
        } else {
            timeline = events.map {
                CaseView.Entry(type: $0.type, label: CaseEventLabel.label($0.payload),
                               actor: CaseEventCodec.actorText($0.actor, channel: channel), at: $0.at,
                               note: CaseEventLabel.publicNote($0.payload))
            }
        }
        let state = snapshot?.state ?? CaseState(rawValue: record.state) ?? .reported
        let tier = snapshot?.tier ?? .grid
        let parties = try await repository.parties(caseId: caseId).map {
            CaseView.Party(side: $0.side, kind: $0.kind, name: $0.name, phone: $0.phoneMasked)
        }
        return CaseView(
            number: record.number, state: state.rawValue, stateName: state.chineseName, kind: record.kind,
            category: record.category, urgency: record.urgency, tier: tier.rawValue, tierName: tier.chineseName,
            version: snapshot?.version ?? legacy?.count ?? 0, areaCode: record.areaCode, gridCode: record.gridCode,
            description: record.description, contactName: record.contactName, contactPhone: record.contactPhoneMasked,
            amountInvolved: record.amountInvolved > 0 ? record.amountInvolved : nil, parties: parties, lead: snapshot?.lead.map(part), assisting: snapshot?.assisting.map(part) ?? [],
            deadline: snapshot?.deadline, returned: snapshot?.returned ?? false,
            pendingExtension: snapshot?.pendingExtension?.until, reply: snapshot?.reply,
            satisfaction: snapshot?.satisfaction?.rawValue, satisfactionName: snapshot?.satisfaction?.chineseName,
            workable: legacy == nil, timeline: timeline,
            attachments: try await CaseAttachmentRepository(db).list(caseId: caseId).map(CaseAttachmentView.init),
            clocks: clockRows.map { CaseViewClocks.clock($0, departmentName: $0.departmentId.flatMap { names[$0] }) },
            whistles: whistles.map { CaseViewClocks.whistle($0, names: names, now: now) },
            supervisions: snapshot?.supervisions.map { CaseViewClocks.supervision($0, now: now) },
            intake: try await CaseIntakeRepository(db).find(caseId: caseId).map(CaseIntakeView.init))
    }
}
