import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The demo's mediation centre: a 人民调解委员会 per township, a 和事佬 studio, a 劳动争议 mediation centre
/// per county, about twenty mediators (some speaking Mongolian), and mediation cases on open dispute
/// cases with sessions — held ones counted on the case's ladder through the engine, as the township's
/// mediator records them — planned ones, and a few 六调联动 referrals. A mediation whose case named no
/// parties gets a plausible 申请人 and 被申请人, so that every demo agreement names its parties. Written in
/// the load's transaction after the cases and accounts, through the repositories.
struct DemoMediationWriter: Sendable {
    let atlas: DemoAtlas
    let seed: UInt64
    let now: Date
    let cipher: PersonalDataCipher
    let calendar: BusinessCalendar
    let kind: DatabaseKind

    static let mediatorCount = 20
    static let mediationCount = 24

    struct Written: Sendable {
        var organizations = 0
        var mediators = 0
        var mediations = 0
        var sessions = 0
        /// Mediations ended with an outcome (an agreement, or a route for the rest).
        var concluded = 0
        /// Events appended to the cases' histories (one per held session, two when it escalated, one per conclusion).
        var events = 0
    }

    func write(on db: any SQLDatabase) async throws -> Written {
        var random = DemoRandom(seed: seed, stream: "mediation")
        let nowMs = now.millisecondsSince1970
        let registry = MediationRepository(db)
        var written = Written()
        /// Mediations that held sessions so far (see `conclusion`).
        var mediated = 0
        // Organisations: every township's committee, a studio in the first village, each county's labour centre.
        var committees: [String: Int64] = [:]
        var organizations: [(id: Int64, kind: MediationOrganizationKind)] = []
        func organization(_ area: String, _ kind: MediationOrganizationKind, _ name: String, _ address: String?) async throws -> Int64 {
            let id = try await registry.insert(MediationOrganizationRecord(
                areaCode: area, kind: kind.rawValue, name: name, address: address, phoneCipher: nil, phoneMasked: nil,
                active: 1, createdAt: nowMs, updatedAt: nowMs))
            organizations.append((id, kind))
            written.organizations += 1
            return id
        }
        for township in atlas.townships {
            committees[township.code] = try await organization(township.code, .townshipCommittee, township.name + "人民调解委员会",
                                                               township.name + "综治中心")
        }
        if let village = atlas.villages.first {
            _ = try await organization(village.code, .personalStudio, "老兵和事佬调解工作室", village.name + "党群服务中心")
        }
        for county in atlas.counties {
            _ = try await organization(county.code, .professional, county.name + "劳动人事争议调解中心", county.name + "人社局一楼")
        }
        // Mediators, round robin over the organisations; every third speaks Mongolian too.
        let namer = DemoPersonNamer()
        var mediatorsOf: [Int64: [Int64]] = [:]
        let specialties = MediationSpecialty.allCases.filter { $0 != .other }
        for n in 0..<Self.mediatorCount {
            let owner = organizations[n % organizations.count]
            let mongolian = n % 3 == 1
            let name = namer.name(male: random.chance(0.6), birthYear: random.int(1955...1990),
                                  mongolianShare: mongolian ? 0.8 : 0.05, &random)
            var held: [MediationSpecialty]
            switch owner.kind {
            case .professional: held = [.labour]
            case .personalStudio: held = [.neighbour, .marriageFamily]
            default: held = [.neighbour]
            }
            let extra = random.pick(specialties)
            if !held.contains(extra) { held.append(extra) }
            let phone = DemoIdentifiers.mobile(&random)
            let availability: MediatorAvailability = n == 7 ? .busy : n == 13 ? .away : .available
            let id = try await registry.insert(MediatorRecord(
                organizationId: owner.id, areaCode: try await registry.organization(id: owner.id)?.areaCode ?? "",
                name: name, phoneCipher: try cipher.seal(phone), phoneMasked: PhoneNumber(phone)?.masked,
                specialties: held.map(\.rawValue).joined(separator: ","),
                languages: (mongolian ? [MediationLanguage.mongolian, .mandarin] : [.mandarin]).map(\.rawValue).joined(separator: ","),
                availability: availability.rawValue, active: 1, createdAt: nowMs, updatedAt: nowMs))
            mediatorsOf[owner.id, default: []].append(id)
            written.mediators += 1
        }
        // Mediation cases on open dispute cases.
        let rows = try await db.select().column("number").column("area_code").column("grid_code").column("category")
            .column("description").column("amount_involved").column("channel").column("contact_name")
            .column("contact_phone_cipher").column("contact_phone_masked").column("respondent_organization_id").from("cases")
            .where("kind", .equal, CaseKind.dispute.rawValue).where("state", .in, ["accepted", "inProgress"])
            .orderBy("id").limit(Self.mediationCount).all()
        let repository = MediationCaseRepository(db)
        let policy = CasePolicy()
        for (index, row) in rows.enumerated() {
            let caseNumber = try row.decode(column: "number", as: String.self)
            let area = try row.decode(column: "area_code", as: String.self)
            let place = try row.decode(column: "grid_code", as: String?.self) ?? area
            let township = String(area.prefix(9)) + "000"
            guard let committee = committees[township], let engineCase = try await CaseRepository(db).find(number: caseNumber),
                  let caseId = engineCase.id, let actor = try await mediator(of: township, in: db)
            else { continue }
            let category = try row.decode(column: "category", as: String.self)
            let specialty = specialties.first { $0.caseCategory == category } ?? .neighbour
            let pool = mediatorsOf[committee] ?? []
            let assigned: Int64? = index % 4 == 3 || pool.isEmpty ? nil : pool[index % pool.count]
            let county = String(area.prefix(6))
            let year = ChinaTime.year(now)
            let sequence = try await MediationCaseRepository(db).nextSequence(county: county, year: year)
            guard let number = MediationNumber(countyPrefix: county, year: year, sequence: sequence)?.description else { continue }
            // Opened when the case last moved; sessions are recorded in the minutes before the reference time,
            // so the case's clocks stay as the demo wrote them for that time.
            let opened = engineCase.updatedAt
            var record = MediationCaseRecord(
                number: number, caseId: caseId, caseNumber: caseNumber, openCaseId: caseId,
                source: index % 6 == 2 ? "referral" : "case", areaCode: place, organizationId: committee, mediatorId: assigned,
                specialty: specialty.rawValue, facts: try row.decode(column: "description", as: String.self),
                amountFen: try row.decode(column: "amount_involved", as: Int64.self) * 100,
                state: MediationCaseState.open.rawValue, openedBy: actor.staff.username, createdAt: opened, updatedAt: opened)
            let id = try await repository.insert(record)
            record.id = id
            let caseParties = try await repository.caseParties(caseId: caseId)
            for party in caseParties {
                try await repository.insert(MediationPartyRecord(
                    mediationId: id, side: party.side, partyKind: party.kind, name: party.name, phoneCipher: party.phoneCipher,
                    phoneMasked: party.phoneMasked, createdAt: opened))
            }
            if caseParties.isEmpty {
                for var party in try await standInParties(row, namer: namer, &random, in: db) {
                    party.mediationId = id
                    party.createdAt = opened
                    try await repository.insert(party)
                }
            }
            // Held sessions (0–2), each an attempt on the case; the engine refuses some (tier above the
            // township, attempts used up), and those are left out.
            var held = 0
            let sessions = index % 3
            for n in 0..<sessions {
                let outcome: AttemptOutcome = n == 0 && index % 5 == 0 ? .partyAbsent : .failed
                let at = nowMs - Int64(sessions - n) * 60_000
                guard at > opened else { continue }
                var session = MediationSessionRecord(
                    mediationId: id, number: held + 1, heldAt: at - 30 * 60_000,
                    place: "\(atlas.townships.first { $0.code == township }?.name ?? "")调解室",
                    attendees: "双方当事人、调解员", notes: outcome == .failed ? "双方分歧较大,约定再次调解" : "被申请人未到场",
                    outcome: outcome.rawValue, recordedBy: actor.staff.username, createdAt: at, updatedAt: at)
                do {
                    try await MediationCases.countAttempt(
                        &session, outcome: outcome, notes: session.notes ?? "", mediation: record, caller: actor,
                        now: Date(millisecondsSince1970: at), calendar: calendar, policy: policy, kind: kind, in: db)
                } catch is DomainError {
                    break
                }
                _ = try await repository.insert(session)
                held += 1
                written.sessions += 1
                written.events += 1 + session.escalated
            }
            if held > 0 {
                record = try await MediationCases.move(record, to: .inMediation, reason: nil, now: nowMs, in: db)
                defer { mediated += 1 }
                if let conclusion = conclusion(mediated, amountFen: record.amountFen) {
                    do {
                        // Half a minute after the last session, before the demo's reference time.
                        record = try await MediationOutcomes.record(
                            conclusion, of: record, caller: actor, now: Date(millisecondsSince1970: nowMs - 30_000),
                            calendar: calendar, policy: policy, kind: kind, in: db)
                        written.concluded += 1
                        written.events += 1
                    } catch is DomainError {
                        // The engine refused (the case moved on); the mediation stays open.
                    }
                }
            }
            if index % 2 == 0 {
                let at = nowMs + Int64(1 + index % 5) * DemoCaseCalendar.dayMs + Int64(index % 3) * 3_600_000
                _ = try await repository.insert(MediationSessionRecord(
                    mediationId: id, number: held + 1, heldAt: at, place: "综治中心调解室", attendees: "双方当事人、调解员",
                    notes: nil, outcome: nil, recordedBy: actor.staff.username, createdAt: nowMs, updatedAt: nowMs))
                written.sessions += 1
            }
            try await referrals(for: record, index: index, recordedBy: actor.staff.username, in: repository)
            written.mediations += 1
        }
        return written
    }

    /// The parties of a mediation whose case named none (a call, a grid report), so that its agreement names
    /// them: the caller as 申请人 when they gave a name (not a grid worker reporting), else a made-up resident;
    /// as 被申请人 the organisation the case is against, else a made-up neighbour. Phones sealed and masked.
    private func standInParties(_ row: any SQLRow, namer: DemoPersonNamer, _ random: inout DemoRandom,
                                in db: any SQLDatabase) async throws -> [MediationPartyRecord] {
        func person(_ side: MediationPartySide, _ random: inout DemoRandom) throws -> MediationPartyRecord {
            let name = namer.name(male: random.chance(0.5), birthYear: random.int(1950...1995), mongolianShare: 0.05, &random)
            let phone = DemoIdentifiers.mobile(&random)
            return MediationPartyRecord(
                mediationId: 0, side: side.rawValue, partyKind: MediationPartyKind.person.rawValue, name: name,
                phoneCipher: try cipher.seal(phone), phoneMasked: PhoneNumber(phone)?.masked, createdAt: 0)
        }
        var applicant: MediationPartyRecord
        let channel = try row.decode(column: "channel", as: String.self)
        if let contact = try row.decode(column: "contact_name", as: String?.self), !contact.isEmpty, contact != "匿名",
           channel != Channel.gridWorker.rawValue {
            applicant = MediationPartyRecord(
                mediationId: 0, side: MediationPartySide.applicant.rawValue, partyKind: MediationPartyKind.person.rawValue,
                name: contact, phoneCipher: try row.decode(column: "contact_phone_cipher", as: String?.self),
                phoneMasked: try row.decode(column: "contact_phone_masked", as: String?.self), createdAt: 0)
        } else {
            applicant = try person(.applicant, &random)
        }
        applicant.name = String(applicant.name.prefix(MediationPartySubmission.nameLimit))
        if let organization = try row.decode(column: "respondent_organization_id", as: Int64?.self),
           let name = try await db.select().column("name").from("organizations").where("id", .equal, organization).first()?
               .decode(column: "name", as: String.self) {
            return [applicant, MediationPartyRecord(
                mediationId: 0, side: MediationPartySide.respondent.rawValue,
                partyKind: MediationPartyKind.organization.rawValue,
                name: String(name.prefix(MediationPartySubmission.nameLimit)), phoneCipher: nil, phoneMasked: nil, createdAt: 0)]
        }
        return [applicant, try person(.respondent, &random)]
    }

    /// How the `n`th mediation that held sessions ended: one in two with an agreement (the respondent pays
    /// the amount involved, or apologises and repairs, within a month), one in four without (the parties are
    /// pointed to court); the rest go on.
    private func conclusion(_ n: Int, amountFen: Int64) -> MediationConclusion? {
        let today = CivilDate(containing: now)
        let submission: MediationConclusionSubmission
        if n % 2 == 0 {
            let term = amountFen > 0
                ? AgreementTermSubmission(obligor: "被申请人", content: "向申请人支付赔偿款", amount: MoneyText.yuan(amountFen),
                                          dueOn: today.adding(days: 20).description)
                : AgreementTermSubmission(obligor: "被申请人", content: "向申请人赔礼道歉并修复受损设施",
                                          dueOn: today.adding(days: 20).description)
            submission = MediationConclusionSubmission(outcome: "succeeded", agreement: MediationAgreementSubmission(
                facts: "双方经调解员主持调解,查明事实、分清责任,自愿达成协议。",
                terms: [term, AgreementTermSubmission(obligor: "申请人", content: "不再就本纠纷向任何机关主张权利")],
                performanceMethod: "限期履行", performanceDeadline: today.adding(days: 30).description))
        } else if n % 4 == 1 {
            submission = MediationConclusionSubmission(outcome: "failed", route: "litigation", note: "双方对赔偿数额分歧过大,经两次调解未能达成协议")
        } else {
            return nil
        }
        return try? submission.validate(today: today)
    }

    /// 六调联动: a referral in (police) for the mediations opened from one, and one out to the court now and then.
    private func referrals(for record: MediationCaseRecord, index: Int, recordedBy: String, in repository: MediationCaseRepository)
        async throws
    {
        let day = ChinaTime.dayString(Date(millisecondsSince1970: record.createdAt))
        if record.source == "referral" {
            _ = try await repository.insert(MediationReferralRecord(
                mediationId: record.id ?? 0, direction: MediationReferralDirection.incoming.rawValue,
                kind: MediationReferralKind.police.rawValue, counterpart: "派出所", reference: nil, note: "警情已处置,纠纷转人民调解",
                state: MediationReferralState.accepted.rawValue, sentOn: day, recordedBy: recordedBy,
                createdAt: record.createdAt, updatedAt: record.createdAt))
        }
        if index % 7 == 1 {
            _ = try await repository.insert(MediationReferralRecord(
                mediationId: record.id ?? 0, direction: MediationReferralDirection.outgoing.rawValue,
                kind: MediationReferralKind.court.rawValue, counterpart: "人民法院诉调对接中心", reference: nil,
                note: "涉及金额较大,申请诉前调解", state: MediationReferralState.sent.rawValue, sentOn: day,
                recordedBy: recordedBy, createdAt: record.createdAt, updatedAt: record.createdAt))
        }
    }

    /// The township's mediator account, acting for the centre.
    private func mediator(of township: String, in db: any SQLDatabase) async throws -> Caller? {
        guard let row = try await db.select().column("id").column("username").column("display_name").from("accounts")
            .where("role", .equal, Role.mediator.rawValue).where("area_code", .equal, township).orderBy("id").first(),
            let code = AreaCode(township)
        else { return nil }
        return Caller(staff: Staff(accountID: try row.decode(column: "id", as: Int64.self),
                                   username: try row.decode(column: "username", as: String.self),
                                   displayName: try row.decode(column: "display_name", as: String.self), role: .mediator,
                                   jurisdiction: Jurisdiction(root: code)),
                      ip: "demo")
    }
}
