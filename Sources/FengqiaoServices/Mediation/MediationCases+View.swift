import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension MediationCases {
    /// The view of `record` read in `db`: parties masked, sessions, referrals, names and the case's ladder.
    static func view(_ record: MediationCaseRecord, atlas: AreaAtlas, policy: CasePolicy, now: Int64,
                     in db: any SQLDatabase) async throws -> MediationCaseView {
        let repository = MediationCaseRepository(db)
        let id = record.id ?? 0
        let parties = try await repository.parties(mediationId: id)
        let sessions = try await repository.sessions(mediationId: id)
        let referrals = try await repository.referrals(mediationId: id)
        let organization = try await repository.organizationNames([record.organizationId])[record.organizationId]
        var mediator: String?
        if let mediatorId = record.mediatorId { mediator = try await repository.mediatorNames([mediatorId])[mediatorId] }
        let state = MediationCaseState(rawValue: record.state)
        return MediationCaseView(
            number: record.number, state: record.state, stateName: state?.chineseName ?? record.state,
            stateReason: record.stateReason, source: record.source,
            sourceName: MediationCaseView.sourceName(record.source), areaCode: record.areaCode,
            areaName: atlas.node(record.areaCode)?.name, organizationId: record.organizationId,
            organizationName: organization, mediatorId: record.mediatorId, mediatorName: mediator,
            specialty: record.specialty,
            specialtyName: MediationSpecialty(rawValue: record.specialty)?.chineseName ?? record.specialty,
            facts: record.facts, amountFen: record.amountFen, amountYuan: MoneyText.plain(record.amountFen),
            openedBy: record.openedBy, openedAt: Date(millisecondsSince1970: record.createdAt),
            closedAt: record.closedAt.map { Date(millisecondsSince1970: $0) },
            linkedCase: try await linkedCase(record, policy: policy, in: db),
            parties: parties.map(party), sessions: sessions.map(session), referrals: referrals.map(referral),
            nextSession: sessions.filter { $0.outcome == nil && $0.heldAt >= now }.map(\.heldAt).min()
                .map { Date(millisecondsSince1970: $0) },
            version: record.version)
    }

    static func linkedCase(_ record: MediationCaseRecord, policy: CasePolicy, in db: any SQLDatabase) async throws
        -> MediationCaseView.LinkedCase
    {
        guard let row = try await CaseEngineRepository(db).find(id: record.caseId) else {
            return .init(number: record.caseNumber, state: "unknown", stateName: "未知")
        }
        let loaded = try await CaseEngine.history(of: row, id: record.caseId, in: db)
        let state = CaseState(rawValue: row.state)
        let tier = loaded.snapshot?.tier
        return .init(number: row.number, state: row.state, stateName: state?.chineseName ?? row.state,
                     tier: tier?.rawValue, tierName: tier?.chineseName, attemptsAtTier: loaded.snapshot?.attemptsAtTier,
                     attemptLimit: tier.map { policy.attemptLimit(at: $0) })
    }

    static func party(_ p: MediationPartyRecord) -> MediationCaseView.Party {
        let side = MediationPartySide(rawValue: p.side)
        let kind = MediationPartyKind(rawValue: p.partyKind)
        return .init(side: p.side, sideName: side?.chineseName ?? p.side, kind: p.partyKind,
                     kindName: kind?.chineseName ?? p.partyKind, name: p.name, phone: p.phoneMasked)
    }

    static func session(_ s: MediationSessionRecord) -> MediationCaseView.Session {
        let outcome = s.outcome.flatMap(AttemptOutcome.init(rawValue:))
        let tier = s.tier.flatMap(MediationTier.init(rawValue:))
        return .init(number: s.number, at: Date(millisecondsSince1970: s.heldAt), place: s.place, attendees: s.attendees,
                     notes: s.notes, outcome: s.outcome, outcomeName: outcome?.chineseName, planned: s.outcome == nil,
                     tier: s.tier, tierName: tier?.chineseName, attemptNumber: s.attemptNumber, escalated: s.escalated == 1,
                     recordedBy: s.recordedBy)
    }

    static func referral(_ r: MediationReferralRecord) -> MediationCaseView.Referral {
        let direction = MediationReferralDirection(rawValue: r.direction)
        let kind = MediationReferralKind(rawValue: r.kind)
        let state = MediationReferralState(rawValue: r.state)
        return .init(id: r.id ?? 0, direction: r.direction, directionName: direction?.chineseName ?? r.direction,
                     kind: r.kind, kindName: kind?.chineseName ?? r.kind, partnerName: kind?.partnerName ?? "",
                     counterpart: r.counterpart, reference: r.reference, note: r.note, state: r.state,
                     stateName: state?.chineseName ?? r.state, sentOn: r.sentOn, reply: r.reply, repliedOn: r.repliedOn,
                     finished: state?.isFinished ?? true)
    }
}
