import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// The status of imported work orders going back to the hotline as a file: 工单编号, 案件编号, 状态,
/// 办理结果/答复, 办结时间, 满意度 for the orders called on the days `from`…`to` (Beijing time) whose
/// cases lie in the caller's jurisdiction. Every export is audited (`hotline.status_export`).
public struct HotlineStatusExport: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public static let header = ["工单编号", "案件编号", "状态", "办理结果/答复", "办结时间", "满意度", "来电时间", "办结时限"]
    /// Most days one export covers, and most rows.
    public static let maximumDays = 366
    public static let maximumRows = 100_000

    public enum Format: String, Sendable { case csv, xlsx }

    /// The rows of the export, as text in the header's order.
    public func rows(from: String?, to: String?, caller: Caller) async throws -> [[String]] {
        try HotlineSettings.requireDesk(caller)
        let (start, end) = try Self.range(from: from, to: to)
        let jurisdiction = caller.staff.jurisdiction
        let statuses = try await platform.database.read { db in
            try await HotlineRepository(db).statuses(
                calledFrom: start.millisecondsSince1970, to: end.millisecondsSince1970, areaFrom: jurisdiction.prefix,
                areaBelow: jurisdiction.upperBound, limit: Self.maximumRows)
        }
        return statuses.map { row in
            [
                row.workOrderNumber, row.caseNumber, CaseState(rawValue: row.state)?.chineseName ?? row.state,
                row.result ?? "", row.finishedAt.map { HotlineTime.text(Date(millisecondsSince1970: $0)) } ?? "",
                row.satisfaction.flatMap(Satisfaction.init(rawValue:))?.chineseName ?? "",
                HotlineTime.text(Date(millisecondsSince1970: row.calledAt)),
                row.deadlineAt.map { HotlineTime.text(Date(millisecondsSince1970: $0)) } ?? "",
            ]
        }
    }

    /// The export file, audited.
    public func file(from: String?, to: String?, format: Format, caller: Caller) async throws -> (data: Data, filename: String) {
        let rows = try await rows(from: from, to: to, caller: caller)
        let (start, end) = try Self.range(from: from, to: to)
        let first = ChinaTime.dayString(start), last = ChinaTime.dayString(end.addingTimeInterval(-1))
        let data: Data = switch format {
        case .csv: CSVWriter().write(header: Self.header, rows: rows)
        case .xlsx: try XLSXWriter.write(sheetName: "工单办理情况", header: Self.header, rows: rows)
        }
        let now = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        _ = try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: "hotline.status_export", objectType: "hotline_status",
                           objectID: "\(first)~\(last)",
                           summary: AuditEntry.summary(["rows": rows.count, "format": format.rawValue])),
                at: now, in: db, kind: kind)
        }
        return (data, "12345工单办理情况-\(first)至\(last).\(format.rawValue)")
    }

    /// `[start of from, end of to)` in Beijing time; both days required, `to` not before `from`, at most
    /// `maximumDays` days.
    static func range(from: String?, to: String?) throws(DomainError) -> (Date, Date) {
        var errors: [FieldError] = []
        let start = from.flatMap { ChinaTime.date(ofDay: $0.trimmingCharacters(in: .whitespaces)) }
        let last = to.flatMap { ChinaTime.date(ofDay: $0.trimmingCharacters(in: .whitespaces)) }
        if start == nil { errors.append(FieldError(field: "from", code: "invalid_format", message: "请填写开始日期(如2026-03-01)")) }
        if last == nil { errors.append(FieldError(field: "to", code: "invalid_format", message: "请填写结束日期(如2026-03-31)")) }
        guard errors.isEmpty, let start, let last else { throw .validation(errors) }
        let end = last.addingTimeInterval(86_400)
        guard end > start else {
            throw .validation([FieldError(field: "to", code: "before_start", message: "结束日期不能早于开始日期")])
        }
        guard end.timeIntervalSince(start) <= Double(maximumDays) * 86_400 else {
            throw .validation([FieldError(field: "to", code: "too_long", message: "一次最多导出\(maximumDays)天")])
        }
        return (start, end)
    }
}
