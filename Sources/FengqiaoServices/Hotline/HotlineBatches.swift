import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// The batches imported in the caller's jurisdiction and their error reports (行、列、字段、代码、问题) as
/// CSV or XLSX. A batch imported by someone whose jurisdiction lies outside the caller's reads as missing.
public struct HotlineBatches: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The latest `limit` batches, newest first.
    public func recent(limit: Int = 20, caller: Caller) async throws -> [HotlineBatchSummary] {
        try HotlineSettings.requireDesk(caller)
        let jurisdiction = caller.staff.jurisdiction
        let records = try await platform.database.read { db in
            try await HotlineRepository(db).batches(areaFrom: jurisdiction.prefix, areaBelow: jurisdiction.upperBound,
                                                    limit: max(1, min(limit, 100)))
        }
        return records.compactMap { record in
            guard let id = record.id else { return nil }
            return HotlineBatchSummary(
                id: id, filename: record.filename, format: record.format, profile: record.profile, actor: record.actor,
                startedAt: Date(millisecondsSince1970: record.startedAt),
                finishedAt: record.finishedAt.map(Date.init(millisecondsSince1970:)), rows: record.rowCount,
                created: record.created, alreadyImported: record.alreadyImported, changed: record.changed,
                failed: record.failed, problemCount: Self.problems(record).count)
        }
    }

    public enum ReportFormat: String, Sendable { case csv, xlsx }

    /// The error report of batch `id`: the file's bytes and a name for it.
    public func errorReport(id: Int64, format: ReportFormat, caller: Caller) async throws -> (data: Data, filename: String) {
        try HotlineSettings.requireDesk(caller)
        let record = try await platform.database.read { db in try await HotlineRepository(db).batch(id: id) }
        guard let record, caller.staff.jurisdiction.contains(record.areaCode) else {
            throw DomainError.notFound(what: "导入批次")
        }
        let header = ["行", "列", "字段", "代码", "问题"]
        let rows = Self.problems(record).map { problem in
            [problem.row.map(String.init) ?? "", problem.column ?? "",
             HotlineField(rawValue: problem.field)?.chineseName ?? problem.field, problem.code, problem.message]
        }
        let name = "12345工单导入错误-批次\(id)"
        switch format {
        case .csv: return (CSVWriter().write(header: header, rows: rows), name + ".csv")
        case .xlsx: return (try XLSXWriter.write(sheetName: "错误报告", header: header, rows: rows), name + ".xlsx")
        }
    }

    static func problems(_ record: HotlineBatchRecord) -> [ImportReport.Problem] {
        guard let text = record.problems else { return [] }
        return (try? JSONDecoder().decode([ImportReport.Problem].self, from: Data(text.utf8))) ?? []
    }
}
