import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// The auditor's view of the log: filtered pages and XLSX exports. Only the auditor's role may read
/// it (三权分立), and every read and export is itself recorded.
public struct AuditLogBrowser: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public static let pageSize = 50
    /// The most records one export holds; narrow the filters for more.
    public static let maximumExportRows = 200_000

    public static let exportHeader = ["编号", "时间", "操作人", "角色", "IP 地址", "操作", "操作名称", "对象类型", "对象编号", "摘要"]

    /// Records matching `filter` with ids below the cursor `before` (a record id, as `next` gave it),
    /// newest first. Audited as `audit.read`.
    public func page(_ filter: AuditFilter, before cursor: String? = nil, limit: Int = pageSize, caller: Caller)
        async throws -> AuditLogPage
    {
        try caller.staff.require(.readAuditLog)
        let filter = try filter.validated()
        let before = try Self.cursor(cursor)
        let kind = platform.database.kind
        let criteria = filter.criteria
        let limit = min(max(limit, 1), 500)
        let rows = try await platform.database.read { db in
            try await AuditRepository(db, kind: kind).search(criteria, beforeID: before, limit: limit + 1)
        }
        let records = Array(rows.prefix(limit))
        let next = rows.count > limit ? records.last?.id : nil
        try await record("audit.read", summary: filter.summaryJSON(before: before, shown: records.count), caller: caller)
        return AuditLogPage(records: records.map(AuditLogEntry.init), next: next)
    }

    /// Every record matching `filter` as an XLSX workbook, newest first. Audited as `audit.export`.
    public func xlsx(_ filter: AuditFilter, caller: Caller) async throws -> (data: Data, rows: Int) {
        try caller.staff.require(.readAuditLog)
        let filter = try filter.validated()
        let kind = platform.database.kind
        let criteria = filter.criteria
        var rows: [[String]] = []
        var before: Int64?
        repeat {
            let batch = try await platform.database.read { [before] db in
                try await AuditRepository(db, kind: kind).search(criteria, beforeID: before, limit: 5_000)
            }
            rows += batch.map { AuditLogEntry($0).cells }
            guard rows.count <= Self.maximumExportRows else {
                throw DomainError.conflict(code: "export_too_large",
                                           message: "超过\(Self.maximumExportRows)条,请缩小日期范围或增加筛选条件后分别导出")
            }
            before = batch.count == 5_000 ? batch.last?.id : nil
        } while before != nil
        let data: Data
        do { data = try XLSXWriter.write(sheetName: "审计日志", header: Self.exportHeader, rows: rows) } catch {
            throw DomainError.conflict(code: error.code, message: error.message)
        }
        try await record("audit.export", summary: filter.summaryJSON(rows: rows.count), caller: caller)
        return (data, rows.count)
    }

    /// The record id a page cursor names; nil for the first page.
    static func cursor(_ text: String?) throws(DomainError) -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = Int64(text), id > 0 else {
            throw .validation([FieldError(field: "before", code: "invalid_cursor", message: "翻页位置无效")])
        }
        return id
    }

    private func record(_ action: String, summary: String, caller: Caller) async throws {
        let kind = platform.database.kind
        let nowMs = platform.clock.now().millisecondsSince1970
        _ = try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: action, objectType: "audit_log", objectID: "", summary: summary),
                at: nowMs, in: db, kind: kind)
        }
    }
}
