import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension MediationCases {
    /// Sends mediation `number` to a 六调联动 partner (转出, e.g. 诉调 to the court) for `mediate`; the
    /// mediation must be open. Referrals in (转入) open their own mediation (`open` with a referral).
    @discardableResult
    public func refer(number: String, _ submission: MediationReferralSubmission, caller: Caller) async throws
        -> MediationCaseView
    {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .mediate) }
        try staff.require(.mediate)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let kind = platform.database.kind
        let nowMs = now.millisecondsSince1970
        return try await platform.database.write { db in
            let record = try await Self.visible(number, staff: staff, in: db)
            try MediationCaseRules.requireOpen(MediationCaseState(rawValue: record.state) ?? .withdrawn, for: "转出")
            let referral = try submission.validate(now: now)
            let id = try await MediationCaseRepository(db).insert(MediationReferralRecord(
                mediationId: record.id ?? 0, direction: MediationReferralDirection.outgoing.rawValue,
                kind: referral.kind.rawValue, counterpart: referral.counterpart, reference: referral.reference,
                note: referral.note, state: MediationReferralState.initial(.outgoing).rawValue, sentOn: referral.day,
                recordedBy: staff.username, createdAt: nowMs, updatedAt: nowMs))
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_referral.send", objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary(["referral": id, "kind": referral.kind.rawValue,
                                                        "counterpart": referral.counterpart, "day": referral.day])),
                at: nowMs, in: db, kind: kind)
            return try await Self.view(record, atlas: atlas, policy: policy, now: nowMs, in: db)
        }
    }

    /// Moves referral `referralId` of mediation `number` on (受理, 回复 with the reply, 不予受理 with the
    /// reason) for `mediate`. Declining a referral sent in, before it was accepted, withdraws the mediation
    /// it opened (the case stays for the centre to decide).
    @discardableResult
    public func updateReferral(number: String, referralId: Int64, _ update: MediationReferralUpdate, caller: Caller)
        async throws -> MediationCaseView
    {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .mediate) }
        try staff.require(.mediate)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let kind = platform.database.kind
        let nowMs = now.millisecondsSince1970
        return try await platform.database.write { db in
            var record = try await Self.visible(number, staff: staff, in: db)
            let repository = MediationCaseRepository(db)
            guard let before = try await repository.referrals(mediationId: record.id ?? 0).first(where: { $0.id == referralId }),
                  let direction = MediationReferralDirection(rawValue: before.direction),
                  let state = MediationReferralState(rawValue: before.state)
            else { throw DomainError.notFound(what: "该联动记录") }
            let (action, text, day) = try update.validate(now: now, sentDay: before.sentOn)
            let next = try state.after(action, direction: direction)
            var after = before
            after.state = next.rawValue
            if action != .accept {
                after.reply = text
                after.repliedOn = day
            }
            after.recordedBy = staff.username
            after.updatedAt = nowMs
            try await repository.update(after)
            if direction == .incoming, next == .declined, let mediationState = MediationCaseState(rawValue: record.state),
               mediationState.isOpen {
                record = try await Self.move(record, to: try MediationCaseRules.afterWithdrawal(mediationState),
                                             reason: "不予受理转入:" + (text ?? ""), now: nowMs, in: db)
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_referral.\(action.rawValue)", objectType: "mediation_case",
                           objectID: number,
                           summary: AuditEntry.summary(["referral": referralId, "from": before.state, "to": next.rawValue,
                                                        "day": day])),
                at: nowMs, in: db, kind: kind)
            return try await Self.view(record, atlas: atlas, policy: policy, now: nowMs, in: db)
        }
    }
}
