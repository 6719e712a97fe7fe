@preconcurrency import Crypto
import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Grid workers report from the field (网格上报, channel `gridWorker`): coordinates placed on a grid of
/// their own, photos, category and description — and, for a matter settled on the spot (就地化解), the
/// result: the case is then opened, verified by the worker (立案) and resolved in the same call.
///
/// A worker's own grids are those where they hold a post (一格一长一警一专多兼); staff holding no post
/// report within their jurisdiction. Everything is one transaction, kept for the `Idempotency-Key`
/// (a retry from a phone that lost signal makes one case, resolved once).
public struct GridReports: Sendable {
    let platform: Platform

    public static let maximumPhotos = 9
    public static let maximumPhotoBytes = CaseAttachments.maximumBytes
    static let photoRule = UploadRule(field: "photos", allowed: [.jpeg, .png, .webp], maxBytes: maximumPhotoBytes)

    public init(platform: Platform) { self.platform = platform }

    public func submit(
        _ submission: GridReportSubmission, photos: [GridReportPhoto], idempotencyKey: String?, caller: Caller
    ) async throws -> CaseView {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.handleCases), staff.departmentID == nil else {
            throw DomainError.forbidden(permission: .handleCases)
        }
        let key = try CaseEngine.checked(idempotencyKey)
        let actorKey = "account:\(staff.accountID)"
        let fingerprint = "grid-report " + String(decoding: try CaseEventCodec.encoder.encode(Fingerprint(
            submission: submission,
            photos: photos.map { SHA256.hash(data: $0.data).map { String(format: "%02x", $0) }.joined() })), as: UTF8.self)
        if let key, let receipt = try await platform.database.read({
            try await CaseEngineRepository($0).receipt(actor: actorKey, key: key)
        }) {
            return try Self.replay(receipt, fingerprint: fingerprint)
        }
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let setting = try await CaseEngine(platform: platform).openingSetting(now: now)
        let tree = try await CaseCategories(platform: platform).publicTree()
        let ownGrids = try await platform.database.read { try await GridPostRepository($0).gridCodes(accountId: staff.accountID) }
        let checked = try Self.check(submission, photos: photos, now: now, tree: tree, staff: staff, ownGrids: ownGrids,
                                     atlas: setting.atlas)
        var stored: [StoredUpload] = []
        do {
            for photo in photos { stored.append(try platform.uploads.store(photo.data, rule: Self.photoRule)) }
        } catch {
            for file in stored { platform.uploads.remove(file.name) }
            throw error
        }
        let files = stored
        do {
            let (view, replayed) = try await platform.database.write { db -> (CaseView, Bool) in
                let engineRows = CaseEngineRepository(db)
                if let key, let receipt = try await engineRows.receipt(actor: actorKey, key: key) {
                    return (try Self.replay(receipt, fingerprint: fingerprint), true)
                }
                let view = try await Self.file(checked, photos: zip(photos, files).map { ($0.filename, $1) },
                                               caller: caller, setting: setting, in: db)
                if let key {
                    let response = String(decoding: try CaseEventCodec.encoder.encode(view), as: UTF8.self)
                    let caseId = try await CaseRepository(db).find(number: view.number)?.id
                    try await engineRows.insertReceipt(actor: actorKey, key: key, caseId: caseId, command: fingerprint,
                                                       response: response, at: now.millisecondsSince1970)
                }
                return (view, false)
            }
            if replayed { for file in files { platform.uploads.remove(file.name) } }
            return view
        } catch {
            for file in files { platform.uploads.remove(file.name) }
            // Two submissions at once with one key (PostgreSQL): the one that lost the race answers with the winner's.
            guard let key, !(error is DomainError),
                  let receipt = try? await platform.database.read({
                      try await CaseEngineRepository($0).receipt(actor: actorKey, key: key)
                  })
            else { throw error }
            return try Self.replay(receipt, fingerprint: fingerprint)
        }
    }

    struct Fingerprint: Encodable {
        var submission: GridReportSubmission
        /// SHA-256 of each photo.
        var photos: [String]
    }

    static func replay(_ receipt: (command: String, response: String), fingerprint: String) throws -> CaseView {
        guard receipt.command == fingerprint else { throw CaseEngine.keyReused }
        return try CaseEventCodec.decoder.decode(CaseView.self, from: Data(receipt.response.utf8))
    }

    /// Opens the case, records its intake and photos and, for an on-site resolution, accepts and resolves
    /// it, in the caller's transaction; returns the case as it then stands, with its duplicate suggestions.
    static func file(
        _ checked: Checked, photos: [(filename: String?, stored: StoredUpload)], caller: Caller,
        setting: CaseEngine.OpeningSetting, in db: any SQLDatabase
    ) async throws -> CaseView {
        let staff = caller.staff
        let nowMs = setting.now.millisecondsSince1970
        let opened = try await CaseEngine.insert(checked.opening, caller: caller, setting: setting, in: db)
        let number = opened.record.number
        try await CaseIntakeRepository(db).insert(CaseIntakeRecord(
            caseId: opened.caseId, channel: Channel.gridWorker.rawValue, firstResponderId: staff.accountID,
            firstResponderName: staff.displayName, registeredAt: nowMs))
        var evidence: [String] = []
        for (filename, file) in photos {
            guard let type = file.fileType else { continue }
            var record = CaseAttachmentRecord(
                caseId: opened.caseId, storedName: file.name, fileType: type.rawValue, size: Int64(file.size),
                sha256: file.sha256, originalName: AttachmentName.named(filename, type: type),
                uploadedBy: "account:\(staff.accountID):\(staff.displayName)", createdAt: nowMs)
            record.id = try await CaseAttachmentRepository(db).insert(record)
            evidence.append("attachment:\(record.id ?? 0)")
            try await AuditTrail.append(
                AuditEntry(caller, action: "case_attachment.upload", objectType: "case", objectID: number,
                           summary: AuditEntry.summary([
                               "attachment": record.id ?? 0, "name": record.originalName, "type": record.fileType,
                               "size": record.size, "sha256": record.sha256,
                           ])),
                at: nowMs, in: db, kind: setting.kind)
        }
        if let result = checked.result {
            try await step(number, caller: caller, setting: setting, in: db) { snapshot in
                .accept(CaseAcceptance(kind: snapshot.kind, category: opened.record.category, urgency: snapshot.urgency,
                                       tier: snapshot.tier))
            }
            try await step(number, caller: caller, setting: setting, in: db) { _ in
                .resolveOnSite(result: result, evidence: evidence)
            }
        }
        try await AuditTrail.append(
            AuditEntry(caller, action: "grid_report.submit", objectType: "case", objectID: number,
                       summary: AuditEntry.summary([
                           "grid": opened.record.gridCode ?? "", "photos": photos.count,
                           "resolvedOnSite": checked.result != nil,
                       ])),
            at: nowMs, in: db, kind: setting.kind)
        let loaded = try await CaseEngine.load(number, staff: staff, in: db)
        var view = try await CaseEngine.view(loaded.record, caseId: loaded.id, events: loaded.events, now: setting.now, in: db)
        view.duplicates = opened.view.duplicates
        return view
    }

    /// One workflow command on case `number` as the caller, decided and committed like `CaseEngine.perform`.
    static func step(
        _ number: String, caller: Caller, setting: CaseEngine.OpeningSetting, in db: any SQLDatabase,
        _ command: (CaseSnapshot) -> CaseCommand
    ) async throws {
        let loaded = try await CaseEngine.load(number, staff: caller.staff, in: db)
        guard let snapshot = loaded.snapshot else { throw CaseEventCodec.legacyHistory }
        let decided = command(snapshot)
        let events = try CaseWorkflow.events(snapshot, decided, by: .staff(caller.staff), at: setting.now,
                                             policy: setting.policy)
        _ = try await CaseEngine.commit(
            events, to: loaded, snapshot: snapshot, now: setting.now, calendar: setting.calendar, policy: setting.policy,
            audit: AuditEntry(caller, action: "case.\(decided.name.rawValue)", objectType: "case", objectID: number),
            kind: setting.kind, in: db)
    }
}
