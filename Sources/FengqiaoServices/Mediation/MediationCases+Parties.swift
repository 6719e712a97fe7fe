import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension MediationCases {
    /// Adds a party (当事人) to open mediation `number` for `mediate` or `manageMediation` — a mediation
    /// opened from a case without parties (a hotline call) gets its parties here before an agreement
    /// names them. Validated as at the opening (fields `side`, `kind`, `name`, `phone`), the phone sealed
    /// and kept masked, at most `MediationOpeningSubmission.partyLimit` parties; one transaction with
    /// its audit entry (side and kind, no name or phone), and the mediation's version moves so that two additions at once cannot pass the
    /// limit together.
    @discardableResult
    public func addParty(number: String, _ submission: MediationPartySubmission, caller: Caller) async throws
        -> MediationCaseView
    {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.mediate) || staff.may(.manageMediation) else {
            throw DomainError.forbidden(permission: .mediate)
        }
        let atlas = try await platform.areaAtlas()
        let policy = try await platform.casePolicy()
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let cipher = platform.cipher
        return try await platform.database.write { db in
            let before = try await Self.visible(number, staff: staff, in: db)
            try MediationCaseRules.requireOpen(MediationCaseState(rawValue: before.state) ?? .withdrawn, for: "登记当事人")
            let party = try submission.validate()
            let repository = MediationCaseRepository(db)
            let id = before.id ?? 0
            let existing = try await repository.parties(mediationId: id)
            try MediationCaseRules.requireRoomForParty(existing: existing.count)
            var after = before
            after.updatedAt = now
            guard try await repository.update(after, expectedVersion: before.version) else { throw Self.versionConflict }
            after.version = before.version + 1
            try await repository.insert(MediationPartyRecord(
                mediationId: id, side: party.side.rawValue, partyKind: party.kind.rawValue, name: party.name,
                phoneCipher: try party.phone.map { try cipher.seal($0.rawValue) }, phoneMasked: party.phone?.masked,
                createdAt: now))
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_case.add_party", objectType: "mediation_case", objectID: number,
                           summary: AuditEntry.summary([
                               "side": party.side.rawValue, "kind": party.kind.rawValue, "phone": party.phone != nil,
                               "parties": existing.count + 1,
                           ])),
                at: now, in: db, kind: kind)
            return try await Self.view(after, atlas: atlas, policy: policy, now: now, in: db)
        }
    }
}
