import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension MediationCases {
    /// Records a session (调解会) of mediation `number` for `mediate`. A held session (with its outcome)
    /// records one attempt on the case through the engine in the same transaction — the ladder counts it,
    /// and the tier's last failed attempt escalates the case as the engine decides; a refusal of the engine
    /// (case not in a state to mediate, tier above the caller, attempts used up) refuses the session and
    /// writes nothing. A planned session (no outcome, a time ahead) only goes on the calendar.
    @discardableResult
    public func addSession(number: String, _ submission: MediationSessionSubmission, caller: Caller) async throws
        -> MediationCaseView
    {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .mediate) }
        try staff.require(.mediate)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let calendar = try await platform.businessCalendar()
        let kind = platform.database.kind
        let nowMs = now.millisecondsSince1970
        return try await platform.database.write { db in
            let before = try await Self.visible(number, staff: staff, in: db)
            let state = MediationCaseState(rawValue: before.state) ?? .withdrawn
            try MediationCaseRules.requireOpen(state, for: "记录调解会")
            let session = try submission.validate(now: now)
            let repository = MediationCaseRepository(db)
            let sessions = try await repository.sessions(mediationId: before.id ?? 0)
            var record = MediationSessionRecord(
                mediationId: before.id ?? 0, number: (sessions.map(\.number).max() ?? 0) + 1,
                heldAt: session.at.millisecondsSince1970, place: session.place, attendees: session.attendees,
                notes: session.notes, outcome: session.outcome?.rawValue, recordedBy: staff.username, createdAt: nowMs,
                updatedAt: nowMs)
            var after = before
            if let outcome = session.outcome {
                try await Self.countAttempt(&record, outcome: outcome, notes: session.notes ?? "", mediation: before,
                                            caller: caller, now: now, calendar: calendar, policy: policy, kind: kind, in: db)
                after = try await Self.move(before, to: try MediationCaseRules.afterSessionHeld(state), reason: nil,
                                            now: nowMs, in: db)
            }
            record.id = try await repository.insert(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: session.isHeld ? "mediation_session.record" : "mediation_session.plan",
                           objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary(Self.fields(record))),
                at: nowMs, in: db, kind: kind)
            return try await Self.view(after, atlas: atlas, policy: policy, now: nowMs, in: db)
        }
    }

    /// Records the outcome of planned session `sessionNumber` once it was held: one attempt on the case,
    /// as for a session recorded afterwards.
    @discardableResult
    public func recordSessionOutcome(number: String, sessionNumber: Int, _ submission: MediationSessionSubmission,
                                     caller: Caller) async throws -> MediationCaseView {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .mediate) }
        try staff.require(.mediate)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let calendar = try await platform.businessCalendar()
        let kind = platform.database.kind
        let nowMs = now.millisecondsSince1970
        return try await platform.database.write { db in
            let before = try await Self.visible(number, staff: staff, in: db)
            let state = MediationCaseState(rawValue: before.state) ?? .withdrawn
            try MediationCaseRules.requireOpen(state, for: "记录调解会")
            let repository = MediationCaseRepository(db)
            guard var record = try await repository.sessions(mediationId: before.id ?? 0)
                .first(where: { $0.number == sessionNumber })
            else { throw DomainError.notFound(what: "该调解会") }
            guard record.outcome == nil else {
                throw DomainError.conflict(code: "session_recorded", message: "第\(sessionNumber)次调解会已记录结果")
            }
            guard record.heldAt <= nowMs else {
                throw DomainError.conflict(code: "session_not_held", message: "第\(sessionNumber)次调解会尚未到预约时间")
            }
            let held = try submission.validateOutcome()
            record.outcome = held.outcome.rawValue
            record.notes = held.notes
            if let attendees = held.attendees { record.attendees = attendees }
            record.recordedBy = staff.username
            record.updatedAt = nowMs
            try await Self.countAttempt(&record, outcome: held.outcome, notes: held.notes, mediation: before, caller: caller,
                                        now: now, calendar: calendar, policy: policy, kind: kind, in: db)
            let after = try await Self.move(before, to: try MediationCaseRules.afterSessionHeld(state), reason: nil,
                                            now: nowMs, in: db)
            try await repository.update(record)
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_session.record", objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary(Self.fields(record))),
                at: nowMs, in: db, kind: kind)
            return try await Self.view(after, atlas: atlas, policy: policy, now: nowMs, in: db)
        }
    }

    /// Records the attempt of `session` on the mediation's case through the engine, and notes on the
    /// session the tier, the attempt's number there and whether it escalated the case. Engine refusals
    /// are told as the case's (`note` is the session's `notes`).
    static func countAttempt(
        _ session: inout MediationSessionRecord, outcome: AttemptOutcome, notes: String, mediation: MediationCaseRecord,
        caller: Caller, now: Date, calendar: BusinessCalendar, policy: CasePolicy, kind: DatabaseKind,
        in db: any SQLDatabase
    ) async throws {
        let note = "调解会(\(mediation.number) 第\(session.number)次):" + notes
        let step: CaseEngine.MediationStep
        do {
            step = try await CaseEngine.performForMediation(
                .recordAttempt(outcome: outcome, note: String(note.prefix(MediationSessionSubmission.notesLimit))),
                on: mediation.caseNumber, caller: acting(caller), now: now, calendar: calendar, policy: policy, kind: kind, in: db)
        } catch let error as DomainError {
            throw engineRefusal(error, caseNumber: mediation.caseNumber)
        }
        for event in step.events {
            switch event.payload {
            case .attemptRecorded(let tier, let number, _, _):
                session.tier = tier.rawValue
                session.attemptNumber = number
            case .escalated:
                session.escalated = 1
            default:
                break
            }
        }
    }

    /// The engine's refusal of an attempt, told as the case's.
    static func engineRefusal(_ error: DomainError, caseNumber: String) -> DomainError {
        switch error {
        case .conflict(let code, let message):
            return .conflict(code: code, message: "关联案件\(caseNumber):\(message)")
        case .validation(let fields):
            return .validation(fields.map {
                FieldError(field: $0.field == "note" ? "notes" : $0.field, code: $0.code, message: $0.message)
            })
        case .notFound:
            return .conflict(code: "case_not_visible", message: "关联案件\(caseNumber)不在您的辖区内,不能记录调解会")
        default:
            return error
        }
    }

    static func fields(_ s: MediationSessionRecord) -> [String: any Sendable] {
        ["session": s.number, "at": s.heldAt, "place": s.place, "outcome": s.outcome ?? "planned",
         "tier": s.tier ?? "", "attempt": s.attemptNumber ?? 0, "escalated": s.escalated == 1]
    }
}
