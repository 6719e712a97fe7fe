import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

extension PetitionReception {
    /// What the registration form offers: the active categories and the grids of the officer's jurisdiction.
    public func form(caller: Caller) async throws -> DeskForm {
        _ = try Self.requireOfficer(caller)
        return try await DeskIntake(platform: platform).form(caller: Caller(
            staff: Self.engineStaff(caller.staff), ip: caller.ip))
    }

    /// Registers a petition (登记) and opens its engine case, in one transaction: the case through the
    /// engine's opening (reported at the receipt, channel from the form, the petitioners as applicants and
    /// the organ complained about as respondent), the petition, its petitioners (sealed, linked to the
    /// registered resident with the same 公民身份号码), the link to earlier petitions by the same people
    /// (重复信访), and the audit entries. `idempotencyKey` makes a repeated submission answer with the first.
    public func register(_ submission: PetitionSubmission, idempotencyKey: String? = nil, caller: Caller) async throws
        -> PetitionView
    {
        let staff = try Self.requireOfficer(caller)
        let key = try CaseEngine.checked(idempotencyKey)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let tree = try await CaseCategories(platform: platform).publicTree()
        let setting = try await CaseEngine(platform: platform).openingSetting(now: now)
        let checked = try await check(submission, now: now, tree: tree, staff: staff, setting: setting)
        let cipher = platform.cipher
        let sealed = try checked.petition.petitioners.map { p in
            (p, try p.idNumber.map { try cipher.seal($0.rawValue) }, p.idNumber.map { cipher.blindIndex($0.rawValue) },
             try p.phone.map { try cipher.seal($0.rawValue) })
        }
        let fingerprint = "petition " + String(decoding: try CaseEventCodec.encoder.encode(submission), as: UTF8.self)
        let actorKey = "account:\(staff.accountID)"
        let kind = platform.database.kind
        let id = try await platform.database.write { db -> Int64 in
            let receipts = CaseEngineRepository(db)
            if let key, let receipt = try await receipts.receipt(actor: actorKey, key: key) {
                guard receipt.command == fingerprint, let id = Int64(receipt.response) else { throw CaseEngine.keyReused }
                return id
            }
            let engineCaller = Caller(staff: Self.engineStaff(staff), ip: caller.ip)
            let opened = try await CaseEngine.insert(checked.opening, caller: engineCaller, setting: setting,
                                                     suggestsDuplicates: false, in: db)
            let petitions = PetitionRepository(db)
            let earlier = try await petitions.petitions(withPetitionerIndexes: sealed.compactMap(\.2), before: nil)
            let validated = checked.petition
            var record = PetitionRecord(
                caseId: opened.caseId, caseNumber: opened.record.number, form: validated.form.rawValue,
                state: PetitionState.received.rawValue, placeCode: opened.record.gridCode ?? opened.record.areaCode,
                areaCode: opened.record.areaCode, category: opened.record.category, description: validated.description,
                respondentOrgan: validated.respondentOrgan, persons: validated.persons,
                collective: validated.isCollective ? 1 : 0, repeated: earlier.isEmpty ? 0 : 1,
                receivedAt: opened.record.reportedAt, registeredAt: now.millisecondsSince1970,
                registeredById: staff.accountID, registeredByName: staff.displayName,
                firstResponderId: checked.responder.id, firstResponderName: checked.responder.name)
            let id = try await petitions.insert(record)
            record.id = id
            let people = PeopleRepository(db, kind: kind)
            for (position, (petitioner, idCipher, index, phoneCipher)) in sealed.enumerated() {
                var person: Int64?
                if let index { person = try await people.find(idNumberIndex: index)?.id }
                try await petitions.insert(PetitionerRecord(
                    petitionId: id, position: position, name: petitioner.name, idNumberCipher: idCipher,
                    idNumberIndex: index, idNumberMasked: petitioner.idNumber?.masked, phoneCipher: phoneCipher,
                    phoneMasked: petitioner.phone?.masked, personId: person))
            }
            // The case is now known as a petition's: its clocks follow the 信访 preset from its receipt.
            let loaded = try await CaseEngine.history(of: opened.record, id: opened.caseId, in: db)
            try await CaseClockBook.sync(.init(opened.record, caseId: opened.caseId), events: loaded.events, now: now,
                                         calendar: setting.calendar, policy: setting.policy, promote: false, in: db)
            try await Self.audit(caller, action: "petition.register", record, [
                "form": validated.form.rawValue, "persons": validated.persons, "collective": validated.isCollective,
                "repeat": !earlier.isEmpty, "earlier": earlier.compactMap(\.id), "firstResponder": checked.responder.id,
            ], now: now, kind: kind, in: db)
            if let key {
                try await receipts.insertReceipt(actor: actorKey, key: key, caseId: opened.caseId, command: fingerprint,
                                                 response: String(id), at: now.millisecondsSince1970)
            }
            return id
        }
        return try await petition(id: id, caller: caller)
    }

    /// A registration that passed every check.
    struct Checked: Sendable {
        var petition: ValidatedPetition
        var opening: CaseEngine.CheckedOpening
        var responder: (id: Int64, name: String)
    }

    /// Checks every field and lists every problem at once: the petition's own fields, the category in the
    /// edited tree, the first responder (an active petition officer whose jurisdiction holds the grid), and
    /// the case as the engine will open it (where it is filed: a grid of the officer's jurisdiction).
    func check(_ submission: PetitionSubmission, now: Date, tree: CaseCategoryTree, staff: Staff,
               setting: CaseEngine.OpeningSetting) async throws -> Checked
    {
        var errors: [FieldError] = []
        var petition: ValidatedPetition?
        do { petition = try submission.validate(now: now) } catch { try DeskIntake.collect(error, into: &errors) }
        var category: CaseCategory?
        switch IntakeCategory.resolve(kind: nil, category: submission.category, in: tree) {
        case .success(let found): category = found
        case .failure(let error): errors.append(error)
        }
        var responder: (id: Int64, name: String)? = (staff.accountID, staff.displayName)
        if let username = submission.firstResponder?.trimmingCharacters(in: .whitespaces), !username.isEmpty,
           username != staff.username
        {
            let account = try await platform.database.read { try await AccountRepository($0).find(username: username) }
            let grid = petition?.gridCode ?? submission.gridCode ?? ""
            if let account, let id = account.id, account.status == AccountStatus.active.rawValue,
               Role(rawValue: account.role)?.permissions.contains(.receivePetitions) == true,
               let root = AreaCode(account.areaCode), Jurisdiction(root: root).contains(grid)
            {
                responder = (id, account.displayName)
            } else {
                responder = nil
                errors.append(FieldError(field: "firstResponder", code: "unknown",
                                         message: "辖区内没有该信访工作人员账号(首接责任人须为负责该网格的信访接待人员)"))
            }
        }
        var opening: CaseEngine.CheckedOpening?
        if let petition, let category {
            let first = petition.petitioners.first
            var parties = petition.petitioners.map {
                CaseOpening.Party(side: "applicant", kind: "person", name: $0.name, phone: $0.phone?.rawValue)
            }
            if let organ = petition.respondentOrgan {
                parties.append(CaseOpening.Party(side: "respondent", kind: "organization", name: organ))
            }
            let draft = CaseOpening(
                channel: petition.form.channel.rawValue, kind: category.kind.rawValue, description: petition.description,
                address: petition.address, gridCode: petition.gridCode, contactName: first?.name,
                contactPhone: first?.phone?.rawValue, peopleInvolved: petition.persons, parties: parties,
                reportedAt: petition.receivedAt)
            do {
                var checked = try CaseEngine.check(draft, now: now)
                checked.report.category = category.name
                _ = try CaseEngine.filing(checked.report, staff: staff, atlas: setting.atlas)
                opening = checked
            } catch let error as DomainError {
                var placing: [FieldError] = []
                try DeskIntake.collect(error, into: &placing)
                errors += placing.map {
                    $0.field == "location" || $0.field == "gridCode"
                        ? FieldError(field: "gridCode", code: "unknown", message: "请选择本辖区内的网格") : $0
                }
            }
        }
        guard errors.isEmpty, let petition, let opening, let responder else { throw DomainError.validation(errors) }
        return Checked(petition: petition, opening: opening, responder: responder)
    }
}
