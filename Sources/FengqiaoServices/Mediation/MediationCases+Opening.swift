import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension MediationCases {
    /// Opens a mediation case for `manageMediation`, in one transaction:
    /// - from case `caseNumber` (转调解): the case must be visible and open and have no open mediation;
    ///   facts, area and parties left out are the case's;
    /// - directly, or sent in by a partner (`referral`, 转入): a case is opened through the engine's
    ///   opening (来访, 矛盾纠纷, filed at the dispute's area, the parties and amount carried over) and,
    ///   when the caller may accept cases (立案), accepted at the tier of the mediation organisation, so
    ///   that sessions count on the ladder at once; otherwise it waits for 立案 at the centre.
    /// The organisation and mediator must be active and inside the jurisdiction, the mediator one of the
    /// organisation's (an organisation left out is the mediator's).
    @discardableResult
    public func open(_ submission: MediationOpeningSubmission, caller: Caller) async throws -> MediationCaseView {
        let staff = caller.staff
        guard !staff.isMachine else { throw DomainError.forbidden(permission: .manageMediation) }
        try staff.require(.manageMediation)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let atlas = try await platform.areaAtlas()
        var errors: [FieldError] = []
        var checked: ValidatedMediationOpening?
        do { checked = try submission.validate(now: now) } catch { if case .validation(let found) = error { errors = found } }
        if let raw = submission.areaCode, let area = AreaCode(raw.trimmingCharacters(in: .whitespaces)),
           atlas.node(area.rawValue) == nil || !staff.jurisdiction.contains(area) {
            errors.append(FieldError(field: "areaCode", code: "unknown", message: "辖区内没有该区域"))
        }
        let placement = try await platform.database.read { db in
            try await Self.placement(organizationId: submission.organizationId, mediatorId: submission.mediatorId,
                                     staff: staff, in: db)
        }
        errors += placement.errors
        guard errors.isEmpty, let opening = checked, let organization = placement.organization else {
            throw DomainError.validation(errors)
        }
        let setting = try await CaseEngine(platform: platform).openingSetting(now: now)
        let policy = setting.policy
        let cipher = platform.cipher
        let sealed = try opening.parties.map { party in
            (party, try party.phone.map { try cipher.seal($0.rawValue) })
        }
        let nowMs = now.millisecondsSince1970
        return try await platform.database.write { db in
            let repository = MediationCaseRepository(db)
            var source = "direct"
            var caseId: Int64
            var caseNumber: String
            var areaCode: String
            var facts = opening.facts ?? ""
            var parties = sealed.map { party, phoneCipher in
                MediationPartyRecord(mediationId: 0, side: party.side.rawValue, partyKind: party.kind.rawValue,
                                     name: party.name, phoneCipher: phoneCipher, phoneMasked: party.phone?.masked,
                                     createdAt: nowMs)
            }
            if let number = opening.caseNumber {
                source = "case"
                let (record, id, _) = try await CaseEngine.snapshotForMediation(number, staff: Self.acting(caller).staff, in: db)
                let state = CaseState(rawValue: record.state)
                guard state?.isOpen == true else {
                    throw DomainError.conflict(code: "case_not_open",
                                               message: "案件\(number)当前为“\(state?.chineseName ?? record.state)”,不能转调解")
                }
                // Two openings for one case at once: the second waits here and then finds the first.
                try await repository.lockCase(id: id, kind: setting.kind)
                if let existing = try await repository.openMediation(caseId: id) { throw Self.alreadyOpen(existing) }
                caseId = id
                caseNumber = record.number
                areaCode = opening.areaCode?.rawValue ?? record.gridCode ?? record.areaCode
                if facts.isEmpty { facts = record.description }
                if parties.isEmpty {
                    parties = try await repository.caseParties(caseId: id).map {
                        MediationPartyRecord(mediationId: 0, side: $0.side, partyKind: $0.kind, name: $0.name,
                                             phoneCipher: $0.phoneCipher, phoneMasked: $0.phoneMasked, createdAt: nowMs)
                    }
                }
            } else {
                if opening.referral != nil { source = "referral" }
                guard let area = opening.areaCode, let path = atlas.path(to: area.rawValue) else {
                    throw DomainError.validation([FieldError(field: "areaCode", code: "unknown", message: "辖区内没有该区域")])
                }
                areaCode = area.rawValue
                let applicant = opening.parties.first { $0.side == .applicant }
                var engineOpening = try Self.engineOpening(opening, applicant: applicant, now: now)
                engineOpening.filedAt = path.filing
                let opened = try await CaseEngine.insert(engineOpening, caller: Self.acting(caller), setting: setting,
                                                         suggestsDuplicates: false, in: db)
                caseId = opened.caseId
                caseNumber = opened.record.number
                if staff.may(.acceptCases) {
                    let level = atlas.node(organization.areaCode)?.level ?? .village
                    let acceptance = CaseAcceptance(
                        kind: .dispute, category: opening.specialty.caseCategory ?? CaseKind.dispute.chineseName,
                        urgency: .normal, tier: max(MediationTier(areaLevel: level), .village))
                    _ = try await CaseEngine.performForMediation(
                        .accept(acceptance), on: caseNumber, caller: Self.acting(caller), now: now, calendar: setting.calendar,
                        policy: policy, kind: setting.kind, in: db)
                }
            }
            let year = ChinaTime.year(now)
            let county = String(areaCode.prefix(6))
            let sequence = try await MediationCaseRepository(db).nextSequence(county: county, year: year)
            guard let number = MediationNumber(countyPrefix: county, year: year, sequence: sequence) else {
                throw DomainError.conflict(code: "mediation_numbers_exhausted", message: "本年度调解案件编号已用尽,请联系系统管理员")
            }
            var record = MediationCaseRecord(
                number: number.description, caseId: caseId, caseNumber: caseNumber, openCaseId: caseId, source: source,
                areaCode: areaCode, organizationId: organization.id ?? 0, mediatorId: opening.mediatorId,
                specialty: opening.specialty.rawValue, facts: facts, amountFen: opening.amountFen,
                state: MediationCaseState.open.rawValue, openedBy: staff.username, createdAt: nowMs, updatedAt: nowMs)
            let id = try await repository.insert(record)
            record.id = id
            for var party in parties {
                party.mediationId = id
                try await repository.insert(party)
            }
            try await AuditTrail.append(
                AuditEntry(caller, action: "mediation_case.open", objectType: "mediation_case", objectID: record.number,
                           summary: AuditEntry.summary([
                               "case": caseNumber, "source": source, "organization": record.organizationId,
                               "mediator": record.mediatorId ?? 0, "specialty": record.specialty,
                               "amountFen": record.amountFen, "parties": parties.count,
                           ])),
                at: nowMs, in: db, kind: setting.kind)
            if let referral = opening.referral {
                let referralID = try await repository.insert(MediationReferralRecord(
                    mediationId: id, direction: MediationReferralDirection.incoming.rawValue, kind: referral.kind.rawValue,
                    counterpart: referral.counterpart, reference: referral.reference, note: referral.note,
                    state: MediationReferralState.initial(.incoming).rawValue, sentOn: referral.day,
                    recordedBy: staff.username, createdAt: nowMs, updatedAt: nowMs))
                try await AuditTrail.append(
                    AuditEntry(caller, action: "mediation_referral.receive", objectType: "mediation_case",
                               objectID: record.number,
                               summary: AuditEntry.summary(["referral": referralID, "kind": referral.kind.rawValue,
                                                            "counterpart": referral.counterpart])),
                    at: nowMs, in: db, kind: setting.kind)
            }
            return try await Self.view(record, atlas: atlas, policy: policy, now: nowMs, in: db)
        }
    }

    static func alreadyOpen(_ existing: MediationCaseRecord) -> DomainError {
        .conflict(code: "mediation_already_open",
                  message: "案件\(existing.caseNumber)已有进行中的调解(\(existing.number)),不能重复转调解")
    }

    /// The engine's opening for a direct mediation: 来访, 矛盾纠纷, the facts as description, the first
    /// applicant as contact, the parties and the amount (in whole yuan).
    static func engineOpening(_ opening: ValidatedMediationOpening, applicant: MediationParty?, now: Date) throws
        -> CaseEngine.CheckedOpening
    {
        let caseOpening = CaseOpening(
            channel: Channel.walkIn.rawValue, kind: CaseKind.dispute.rawValue, category: opening.specialty.caseCategory,
            description: opening.facts, contactName: applicant.map { String($0.name.prefix(30)) },
            contactPhone: applicant?.phone?.rawValue, amountInvolved: opening.amountFen / 100,
            parties: opening.parties.map {
                CaseOpening.Party(side: $0.side.rawValue, kind: $0.kind.rawValue, name: $0.name, phone: $0.phone?.rawValue)
            })
        do {
            return try CaseEngine.check(caseOpening, now: now)
        } catch {
            // The mediation's own rules are the stricter; should the engine still object, name our fields.
            guard case .validation(let fields) = error else { throw error }
            throw DomainError.validation(fields.map {
                FieldError(field: $0.field == "description" ? "facts" : $0.field, code: $0.code, message: $0.message)
            })
        }
    }

    /// The organisation and mediator of an opening, looked up inside the jurisdiction.
    struct Placement: Sendable {
        var organization: MediationOrganizationRecord?
        var errors: [FieldError]
    }

    static func placement(organizationId: Int64?, mediatorId: Int64?, staff: Staff, in db: any SQLDatabase) async throws
        -> Placement
    {
        let registry = MediationRepository(db)
        var errors: [FieldError] = []
        var mediator: MediatorRecord?
        if let mediatorId {
            do { mediator = try await assignable(mediatorId, staff: staff, in: db) } catch {
                if case DomainError.validation(let found) = error { errors += found } else { throw error }
            }
        }
        var organization: MediationOrganizationRecord?
        if let id = organizationId ?? mediator?.organizationId {
            let record = try await registry.organization(id: id)
            if let record, staff.jurisdiction.contains(record.areaCode) {
                if record.active == 1 { organization = record } else {
                    errors.append(FieldError(field: "organizationId", code: "inactive", message: "该调解组织已停用"))
                }
            } else {
                errors.append(FieldError(field: "organizationId", code: "unknown", message: "辖区内没有该调解组织"))
            }
        }
        if let mediator, let organization, mediator.organizationId != organization.id {
            errors.append(FieldError(field: "mediatorId", code: "other_organization", message: "该调解员不属于所选调解组织"))
        }
        return Placement(organization: organization, errors: errors)
    }
}
