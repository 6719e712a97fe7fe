import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Files attached to a case (photos, scanned letters, PDF): uploaded by staff who take in or handle
/// cases, while the case is not finished; listed and downloaded by staff who may see the case. The
/// type is judged by content (`UploadRule.attachment`); a refused file is never stored, and a stored
/// file whose row cannot be written is removed again. Uploads and downloads are audited.
public struct CaseAttachments: Sendable {
    let platform: Platform

    public static let maximumBytes = 10 << 20
    public static let rule = UploadRule.attachment(field: "file", maxBytes: maximumBytes)

    public init(platform: Platform) { self.platform = platform }

    /// Attaches `data` (sent as `filename`) to case `caseNumber`.
    public func upload(_ data: Data, filename: String?, caseNumber: String, caller: Caller) async throws
        -> CaseAttachmentView
    {
        let staff = caller.staff
        guard !staff.isMachine, staff.may(.acceptCases) || staff.may(.handleCases) else {
            throw DomainError.forbidden(permission: .handleCases)
        }
        // The case first: outside the caller's sight it is "not found" whatever the file is.
        try await platform.database.read { db in
            try Self.requireAttachable(try await CaseEngine.load(caseNumber, staff: staff, in: db).record)
        }
        let stored = try platform.uploads.store(data, rule: Self.rule)
        guard let type = stored.fileType else {
            platform.uploads.remove(stored.name)
            throw DomainError.validation([FieldError(field: "file", code: "unsupported_type", message: "文件类型无法识别")])
        }
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        do {
            return try await platform.database.write { db in
                let loaded = try await CaseEngine.load(caseNumber, staff: staff, in: db)
                try Self.requireAttachable(loaded.record)
                return CaseAttachmentView(try await Self.attach(
                    stored, type: type, filename: filename, caseId: loaded.id, caseNumber: loaded.record.number,
                    caller: caller, at: nowMs, kind: kind, in: db))
            }
        } catch {
            platform.uploads.remove(stored.name)
            throw error
        }
    }

    /// The attachments of case `caseNumber`, oldest first.
    public func list(caseNumber: String, caller: Caller) async throws -> [CaseAttachmentView] {
        try caller.staff.require(.viewCases)
        return try await platform.database.read { db in
            let loaded = try await CaseEngine.load(caseNumber, staff: caller.staff, in: db)
            return try await CaseAttachmentRepository(db).list(caseId: loaded.id).map(CaseAttachmentView.init)
        }
    }

    /// Attachment `id` of case `caseNumber`; "not found" for another case's attachment.
    public func download(caseNumber: String, id: Int64, caller: Caller) async throws -> CaseAttachmentDownload {
        try caller.staff.require(.viewCases)
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        let uploads = platform.uploads
        return try await platform.database.write { db in
            let loaded = try await CaseEngine.load(caseNumber, staff: caller.staff, in: db)
            guard let record = try await CaseAttachmentRepository(db).find(id: id, caseId: loaded.id),
                  let type = FileType(rawValue: record.fileType)
            else { throw DomainError.notFound(what: "附件") }
            let data = try uploads.read(record.storedName)
            try await AuditTrail.append(
                AuditEntry(caller, action: "case_attachment.download", objectType: "case", objectID: loaded.record.number,
                           summary: AuditEntry.summary(["attachment": id, "name": record.originalName])),
                at: nowMs, in: db, kind: kind)
            return CaseAttachmentDownload(data: data, type: type, name: record.originalName)
        }
    }

    /// Records `stored` (already checked and kept by the upload store) as an attachment of case `caseId`,
    /// audited, inside the caller's transaction `db`; other features that attach files to a case (the
    /// signed copy of a mediation agreement) go through here too.
    static func attach(
        _ stored: StoredUpload, type: FileType, filename: String?, caseId: Int64, caseNumber: String, caller: Caller,
        at nowMs: Int64, kind: DatabaseKind, in db: any SQLDatabase
    ) async throws -> CaseAttachmentRecord {
        let staff = caller.staff
        var record = CaseAttachmentRecord(
            caseId: caseId, storedName: stored.name, fileType: type.rawValue, size: Int64(stored.size),
            sha256: stored.sha256, originalName: AttachmentName.named(filename, type: type),
            uploadedBy: "account:\(staff.accountID):\(staff.displayName)", createdAt: nowMs)
        record.id = try await CaseAttachmentRepository(db).insert(record)
        try await AuditTrail.append(
            AuditEntry(caller, action: "case_attachment.upload", objectType: "case", objectID: caseNumber,
                       summary: AuditEntry.summary([
                           "attachment": record.id ?? 0, "name": record.originalName, "type": record.fileType,
                           "size": record.size, "sha256": record.sha256,
                       ])),
            at: nowMs, in: db, kind: kind)
        return record
    }

    /// Refuses a case that is finished: archived, or rejected, merged or withdrawn.
    static func requireAttachable(_ record: CaseRecord) throws(DomainError) {
        let state = CaseState(rawValue: record.state)
        switch state {
        case .archived:
            throw .conflict(code: "case_archived", message: "案件已归档,不能再添加附件")
        case .rejected, .merged, .withdrawn:
            throw .conflict(code: "case_finished",
                            message: "案件\(state?.chineseName ?? record.state),不能再添加附件")
        default:
            return
        }
    }
}
