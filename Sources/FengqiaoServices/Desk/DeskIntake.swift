import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// The reception desk (来信来电来访): operators who take in cases register a walk-in, a call or a letter
/// with the channel's details; see the likely duplicates first; then save it as a new case, or attach
/// the visit to an existing one (the new case is merged into it, so both histories stay and a split can
/// undo it). The operator who registers it is its first responder (首问负责). Scanned pages of a letter
/// are checked by content and held between the preview and the confirmation.
///
/// Saving is one transaction: the case, its intake details, its pages, the merge if any, the audit
/// entries and the answer kept for the confirmation's idempotency key (a double submit makes one case).
public struct DeskIntake: Sendable {
    let platform: Platform

    public static let maximumPages = 20
    public static let maximumPageBytes = CaseAttachments.maximumBytes
    /// How long uploaded pages wait for the confirmation.
    public static let stagingLifetime: Int64 = 86_400_000
    public static let maximumGridChoices = 2_000
    static let pageRule = UploadRule(field: "pageFiles", allowed: [.jpeg, .png, .pdf], maxBytes: maximumPageBytes)

    public init(platform: Platform) { self.platform = platform }

    /// The desk is for people whose role takes in cases.
    static func requireDesk(_ caller: Caller) throws(DomainError) -> Staff {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.acceptCases) else { throw .forbidden(permission: .acceptCases) }
        return staff
    }

    /// The active categories and the grids of the caller's jurisdiction.
    public func form(caller: Caller) async throws -> DeskForm {
        let staff = try Self.requireDesk(caller)
        let tree = try await CaseCategories(platform: platform).publicTree()
        let atlas = try await platform.areaAtlas()
        var grids: [DeskForm.Grid] = []
        var pending = [staff.jurisdiction.root.rawValue]
        while let code = pending.popLast(), grids.count < Self.maximumGridChoices {
            guard let node = atlas.node(code) else { continue }
            if node.level == .grid || node.level == .microGrid {
                let village = node.parentCode.flatMap { atlas.node($0) }.map { $0.name + " · " } ?? ""
                grids.append(.init(code: node.code, name: village + node.name))
            }
            pending += atlas.children(of: code).map(\.code).reversed()
        }
        return DeskForm(categories: tree, grids: grids.sorted { $0.code < $1.code })
    }

    // MARK: Scanned pages

    /// Checks each file by its content (PDF, JPEG or PNG, at most 10 MB) and holds the good ones for the
    /// confirmation; a refused file gets a field error naming it. Pages older than a day are removed.
    public func stage(_ files: [(data: Data, filename: String?)], caller: Caller) async throws
        -> (pages: [StagedPage], errors: [FieldError])
    {
        let staff = try Self.requireDesk(caller)
        let nowMs = platform.clock.now().millisecondsSince1970
        let expired = try await platform.database.write { db in
            try await CaseIntakeRepository(db).removeExpired(before: nowMs - Self.stagingLifetime)
        }
        for name in expired { platform.uploads.remove(name) }
        var pages: [StagedPage] = []
        var errors: [FieldError] = []
        for (index, file) in files.prefix(Self.maximumPages).enumerated() {
            let label = file.filename.map { "“\($0.prefix(60))”" } ?? "第\(index + 1)个文件"
            let stored: StoredUpload
            do {
                stored = try platform.uploads.store(file.data, rule: Self.pageRule)
            } catch DomainError.validation(let fields) {
                errors += fields.map { FieldError(field: "pageFiles", code: $0.code, message: "\(label):\($0.message)") }
                continue
            }
            guard let type = stored.fileType else {
                platform.uploads.remove(stored.name)
                continue
            }
            let record = IntakeUploadRecord(
                token: UploadStore.randomName(), accountId: staff.accountID, storedName: stored.name,
                fileType: type.rawValue, size: Int64(stored.size), sha256: stored.sha256,
                originalName: AttachmentName.named(file.filename, type: type), createdAt: nowMs)
            do {
                try await platform.database.write { try await CaseIntakeRepository($0).stage(record) }
            } catch {
                platform.uploads.remove(stored.name)
                throw error
            }
            pages.append(StagedPage(record))
        }
        if files.count > Self.maximumPages {
            errors.append(FieldError(field: "pageFiles", code: "too_many", message: "扫描件最多\(Self.maximumPages)个文件"))
        }
        return (pages, errors)
    }

    /// The caller's held pages among `tokens`, in that order (expired and other people's are left out).
    public func stagedPages(tokens: [String], caller: Caller) async throws -> [StagedPage] {
        let staff = try Self.requireDesk(caller)
        return try await platform.database.read { db in
            try await CaseIntakeRepository(db).staged(tokens: tokens, accountId: staff.accountID).map(StagedPage.init)
        }
    }

    // MARK: Preview and registration

    /// Checks `draft` as saving it would and finds the cases it may duplicate.
    public func preview(_ draft: DeskDraft, caller: Caller) async throws -> DeskPreview {
        let staff = try Self.requireDesk(caller)
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let tree = try await CaseCategories(platform: platform).publicTree()
        let atlas = try await platform.areaAtlas()
        let checked = try Self.check(draft, now: now, tree: tree, staff: staff, atlas: atlas)
        let report = checked.opening.report
        let (areaCode, gridCode) = try CaseEngine.filing(report, staff: staff, atlas: atlas)
        return try await platform.database.read { db in
            let pages = try await CaseIntakeRepository(db).staged(tokens: draft.pages, accountId: staff.accountID)
            guard pages.count == draft.pages.count else { throw Self.pagesExpired }
            let duplicates = try await CaseDuplicates.suggestions(
                for: DuplicateProfile(gridCode: gridCode, address: report.address, description: report.description,
                                      kind: report.kind.rawValue, category: report.category),
                areaCode: areaCode, around: now.millisecondsSince1970, days: CaseDuplicates.defaultDays, future: false,
                excluding: nil, staff: staff, in: db)
            return DeskPreview(
                channelName: checked.details.channel.chineseName, kindName: report.kind.chineseName,
                categoryName: report.category, urgencyName: checked.opening.urgency.chineseName,
                placeName: Self.placeName(gridCode ?? areaCode, atlas: atlas), pages: pages.map(StagedPage.init),
                duplicates: duplicates)
        }
    }

    /// Saves `draft` as a new case with the caller as first responder; with `attachTo`, merges it into that
    /// case (the visit is attached to it). `idempotencyKey` (the confirmation form's) makes a repeated
    /// submission answer with the first registration.
    public func register(_ draft: DeskDraft, attachTo: String?, idempotencyKey: String?, caller: Caller) async throws
        -> DeskRegistration
    {
        let staff = try Self.requireDesk(caller)
        guard let key = try CaseEngine.checked(idempotencyKey) else {
            throw DomainError.validation([FieldError(field: "idempotencyKey", code: "required",
                                                     message: "页面已过期,请重新填写后提交")])
        }
        let target = attachTo.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let tree = try await CaseCategories(platform: platform).publicTree()
        let engine = CaseEngine(platform: platform)
        let setting = try await engine.openingSetting(now: now)
        let checked = try Self.check(draft, now: now, tree: tree, staff: staff, atlas: setting.atlas)
        let fingerprint = "desk " + String(decoding: try CaseEventCodec.encoder.encode(Fingerprint(draft: draft, attachTo: target)),
                                           as: UTF8.self)
        let actorKey = "account:\(staff.accountID)"
        let sealedCaller = try checked.details.callerPhone.map { try platform.cipher.seal($0.rawValue) }
        do {
            return try await platform.database.write { db in
                let engineRows = CaseEngineRepository(db)
                if let receipt = try await engineRows.receipt(actor: actorKey, key: key) {
                    return try Self.replay(receipt, fingerprint: fingerprint)
                }
                let intake = CaseIntakeRepository(db)
                let pages = try await intake.staged(tokens: draft.pages, accountId: staff.accountID)
                guard pages.count == draft.pages.count else { throw Self.pagesExpired }
                let opened = try await CaseEngine.insert(checked.opening, caller: caller, setting: setting, in: db)
                let nowMs = now.millisecondsSince1970
                let details = checked.details
                try await intake.insert(CaseIntakeRecord(
                    caseId: opened.caseId, channel: details.channel.rawValue, visitors: details.visitors,
                    callerPhoneCipher: sealedCaller, callerPhoneMasked: details.callerPhone?.masked,
                    calledAt: details.calledAt?.millisecondsSince1970, letterDate: details.letterDate,
                    firstResponderId: staff.accountID, firstResponderName: staff.displayName, registeredAt: nowMs))
                for page in pages {
                    try await Self.attach(page, to: opened, caller: caller, at: nowMs, kind: setting.kind, in: db)
                }
                guard try await intake.claim(tokens: pages.map(\.token)) == pages.count else { throw Self.pagesExpired }
                if let target {
                    try await Self.merge(opened, into: target, caller: caller, setting: setting, in: db)
                }
                try await AuditTrail.append(
                    AuditEntry(caller, action: "case_intake.register", objectType: "case", objectID: opened.record.number,
                               summary: AuditEntry.summary([
                                   "channel": details.channel.rawValue, "visitors": details.visitors ?? 0,
                                   "pages": pages.count, "attachedTo": target ?? "",
                               ])),
                    at: nowMs, in: db, kind: setting.kind)
                let registration = DeskRegistration(number: opened.record.number, attachedTo: target)
                let response = String(decoding: try CaseEventCodec.encoder.encode(registration), as: UTF8.self)
                try await engineRows.insertReceipt(actor: actorKey, key: key, caseId: opened.caseId, command: fingerprint,
                                                   response: response, at: nowMs)
                return registration
            }
        } catch let error where !(error is DomainError) {
            // Two submissions at once with one key (PostgreSQL): the one that lost the race answers with the winner's.
            let receipt = try? await platform.database.read { try await CaseEngineRepository($0).receipt(actor: actorKey, key: key) }
            guard let receipt else { throw error }
            return try Self.replay(receipt, fingerprint: fingerprint)
        }
    }

    struct Fingerprint: Encodable {
        var draft: DeskDraft
        var attachTo: String?
    }

    static func replay(_ receipt: (command: String, response: String), fingerprint: String) throws -> DeskRegistration {
        guard receipt.command == fingerprint else { throw CaseEngine.keyReused }
        return try CaseEventCodec.decoder.decode(DeskRegistration.self, from: Data(receipt.response.utf8))
    }

    static let pagesExpired = DomainError.validation([FieldError(
        field: "pageFiles", code: "expired", message: "扫描件已过期或无效,请重新上传")])

    /// Attaches a held page to the new case, audited like any upload.
    static func attach(_ page: IntakeUploadRecord, to opened: CaseEngine.Opened, caller: Caller, at nowMs: Int64,
                       kind: DatabaseKind, in db: any SQLDatabase) async throws
    {
        let staff = caller.staff
        let id = try await CaseAttachmentRepository(db).insert(CaseAttachmentRecord(
            caseId: opened.caseId, storedName: page.storedName, fileType: page.fileType, size: page.size,
            sha256: page.sha256, originalName: page.originalName,
            uploadedBy: "account:\(staff.accountID):\(staff.displayName)", createdAt: nowMs))
        try await AuditTrail.append(
            AuditEntry(caller, action: "case_attachment.upload", objectType: "case", objectID: opened.record.number,
                       summary: AuditEntry.summary([
                           "attachment": id, "name": page.originalName, "type": page.fileType, "size": page.size,
                           "sha256": page.sha256,
                       ])),
            at: nowMs, in: db, kind: kind)
    }

    /// Merges the new case into case `number` through the workflow (合并), in the caller's transaction.
    static func merge(_ opened: CaseEngine.Opened, into number: String, caller: Caller,
                      setting: CaseEngine.OpeningSetting, in db: any SQLDatabase) async throws
    {
        let staff = caller.staff
        let unknown = DomainError.validation([FieldError(
            field: "attachTo", code: "unknown", message: "辖区内没有可并入的该案件(已合并、不予立案或已撤回的案件不能并入)")])
        guard let target = try await CaseRepository(db).find(number: number), let targetID = target.id,
              targetID != opened.caseId, staff.jurisdiction.contains(target.gridCode ?? target.areaCode),
              !CaseDuplicates.excludedStates.map(\.rawValue).contains(target.state)
        else { throw unknown }
        let loaded = try await CaseEngine.load(opened.record.number, staff: staff, in: db)
        guard let snapshot = loaded.snapshot else { throw CaseEventCodec.legacyHistory }
        let events = try CaseWorkflow.events(snapshot, .merge(into: targetID), by: .staff(staff), at: setting.now,
                                             policy: setting.policy)
        _ = try await CaseEngine.commit(
            events, to: loaded, snapshot: snapshot, now: setting.now, calendar: setting.calendar, policy: setting.policy,
            audit: AuditEntry(caller, action: "case.merge", objectType: "case", objectID: opened.record.number),
            kind: setting.kind, in: db)
    }

    /// `village · grid` for a grid, else the area's name.
    static func placeName(_ code: String, atlas: AreaAtlas) -> String {
        guard let path = atlas.path(to: code) else { return code }
        let names = path.nodes.filter { $0.level >= .village }.map(\.name)
        return names.isEmpty ? path.leaf.name : names.joined(separator: " · ")
    }
}
