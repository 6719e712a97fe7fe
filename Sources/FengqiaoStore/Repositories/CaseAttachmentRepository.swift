import Foundation
import SQLKit

/// The rows of `case_attachments`; the files themselves are `UploadStore`'s.
public struct CaseAttachmentRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts `record`; returns its id.
    public func insert(_ record: CaseAttachmentRecord) async throws -> Int64 {
        let row = try await db.insert(into: "case_attachments")
            .columns("case_id", "stored_name", "file_type", "size", "sha256", "original_name", "uploaded_by", "created_at")
            .values(SQLBind(record.caseId), SQLBind(record.storedName), SQLBind(record.fileType), SQLBind(record.size),
                    SQLBind(record.sha256), SQLBind(record.originalName), SQLBind(record.uploadedBy),
                    SQLBind(record.createdAt))
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("case_attachments") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// The attachments of case `caseId`, oldest first.
    public func list(caseId: Int64) async throws -> [CaseAttachmentRecord] {
        try await db.select().column("*").from("case_attachments").where("case_id", .equal, caseId).orderBy("id").all()
            .map { try $0.decode(model: CaseAttachmentRecord.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Attachment `id` of case `caseId`; nil when it does not exist or belongs to another case.
    public func find(id: Int64, caseId: Int64) async throws -> CaseAttachmentRecord? {
        try await db.select().column("*").from("case_attachments").where("id", .equal, id)
            .where("case_id", .equal, caseId).first()?
            .decode(model: CaseAttachmentRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
