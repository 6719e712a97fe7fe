import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// The filtered case list as an XLSX workbook (`/cases/export.xlsx`): the same query as the list, at most
/// `maximumRows` rows in the list's order, columns in Chinese, contacts masked for every role (a name keeps
/// its first character, a phone only its masked form), audited `export.cases` with the filter in the summary.
public struct CaseListExport: Sendable {
    let platform: Platform

    public static let maximumRows = 10_000

    public static let header = [
        "案件编号", "状态", "事件类型", "事件分类", "来源渠道", "紧急程度", "所属区域", "网格", "牵头部门", "上报时间",
        "办理期限", "时限状态", "督办", "联系人", "联系电话",
    ]

    /// The most rows this export writes (`maximumRows`; smaller in tests).
    let limit: Int

    public init(platform: Platform, limit: Int = Self.maximumRows) {
        self.platform = platform
        self.limit = max(1, min(limit, Self.maximumRows))
    }

    /// The workbook, the cases it holds, and whether the list held more than `limit` (cut: the sheet then ends
    /// with a line saying so).
    public func xlsx(
        _ list: CaseWorklist, filter: CaseWorklistFilter, caller: Caller
    ) async throws -> (data: Data, rows: Int, cut: Bool) {
        try caller.staff.require(.exportData)
        let (query, order) = try CaseWorklists(platform: platform).query(list, filter: filter, caller: caller)
        var lines: [[String]] = []
        var after: (key: Int64, id: Int64)?
        var cut = false
        while true {
            let size = min(1_000, limit + 1 - lines.count)
            let (rows, contacts, names) = try await platform.database.read { [after] db in
                let repository = CaseListRepository(db)
                let rows = try await repository.page(query, order: order, after: after, limit: size)
                let contacts = try await repository.maskedContacts(rows.map(\.id))
                return (rows, contacts, try await CaseWorklists.names(rows, db: db))
            }
            for row in rows {
                guard lines.count < limit else { cut = true; break }
                let item = CaseWorklistItem(row, departments: names.departments, categories: names.categories)
                lines.append(Self.line(item, contact: contacts[row.id]))
            }
            guard !cut, rows.count == size, let last = rows.last else { break }
            after = (last.sortKey(order), last.id)
        }
        if cut {
            lines.append(["仅导出前\(limit)条,列表中还有更多案件,请缩小筛选范围后分批导出"])
        }
        let data: Data
        do { data = try XLSXWriter.write(sheetName: "案件列表", header: Self.header, rows: lines) } catch {
            throw DomainError.conflict(code: error.code, message: error.message)
        }
        let written = cut ? limit : lines.count
        let summary = Self.summary(list, filter: filter, rows: written, cut: cut)
        let nowMs = platform.clock.now().millisecondsSince1970
        let kind = platform.database.kind
        try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: "export.cases", objectType: "area", objectID: caller.staff.jurisdiction.root.rawValue,
                           summary: summary),
                at: nowMs, in: db, kind: kind)
        }
        return (data, written, cut)
    }

    static func line(_ item: CaseWorklistItem, contact: (name: String?, phoneMasked: String?)?) -> [String] {
        [
            item.number, item.stateName, CaseKind(rawValue: item.kind)?.chineseName ?? item.kind, item.categoryName,
            Channel(rawValue: item.channel)?.chineseName ?? item.channel,
            Urgency(rawValue: item.urgency)?.chineseName ?? item.urgency, item.areaCode, item.gridCode ?? "",
            item.leadDepartment ?? "", CaseListColour.minuteString(item.reportedAt),
            item.dueAt.map(CaseListColour.minuteString) ?? "", CaseListColour.name(item.clockStatus),
            SupervisionKind(rawValue: item.supervision)?.chineseName ?? "", maskedName(contact?.name),
            contact?.phoneMasked ?? "",
        ]
    }

    /// The first character and one `*` per further character (张三丰 → 张**).
    static func maskedName(_ name: String?) -> String {
        guard let name = name?.trimmingCharacters(in: .whitespaces), let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(name.count - 1, 1))
    }

    /// The list and the filters that were set, as JSON, with the rows written and whether the list was cut.
    static func summary(_ list: CaseWorklist, filter: CaseWorklistFilter, rows: Int, cut: Bool) -> String {
        var fields: [String: String] = ["list": list.rawValue]
        let values: [(String, String?)] = [
            ("state", filter.state), ("kind", filter.kind), ("channel", filter.channel), ("urgency", filter.urgency),
            ("reportedFrom", filter.reportedFrom), ("reportedTo", filter.reportedTo), ("category", filter.category),
            ("area", filter.area), ("grid", filter.grid), ("department", filter.department), ("overdue", filter.overdue),
            ("supervised", filter.supervised), ("sort", filter.sort), ("direction", filter.direction),
        ]
        for (name, value) in values { if let value { fields[name] = value } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let filterJSON = (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return #"{"cut":\#(cut),"filter":\#(filterJSON),"masked":true,"rows":\#(rows)}"#
    }
}
