import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// Exports the residents of an area as an XLSX workbook. Identifiers are masked unless the role may
/// reveal them; tags are limited to what the role may see; every export is audited.
public struct ResidentExport: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The most rows one export holds; larger areas are exported township by township.
    public static let maximumRows = 200_000

    public static let header = ["姓名", "性别", "出生年份", "公民身份号码", "联系电话", "网格编码", "居住地址", "与户主关系", "标签"]

    public func xlsx(areaCode: String?, caller: Caller) async throws -> (data: Data, rows: Int) {
        try caller.staff.require(.exportData)
        try caller.staff.require(.viewBaseData)
        let unmasked = caller.staff.may(.revealIdentifiers)
        let area = try caller.staff.scope(areaCode)
        let (scope, prefix) = (area.root.rawValue, area.prefix)
        let kind = platform.database.kind
        var rows: [[String]] = []
        var after: (gridCode: String, id: Int64)?
        repeat {
            let page = try await platform.database.read { [after] db in
                try await PeopleRepository(db, kind: kind).page(prefix: prefix, after: after, limit: 5_000)
            }
            for record in page { rows.append(try row(record, unmasked: unmasked, permissions: caller.staff.permissions)) }
            after = page.last.map { ($0.gridCode, $0.id ?? 0) }
            guard rows.count <= Self.maximumRows else {
                throw DomainError.conflict(code: "export_too_large", message: "超过\(Self.maximumRows)人,请按乡镇(街道)分别导出")
            }
            if page.count < 5_000 { after = nil }
        } while after != nil
        let data: Data
        do { data = try XLSXWriter.write(sheetName: "实有人口", header: Self.header, rows: rows) } catch {
            throw DomainError.conflict(code: error.code, message: error.message)
        }
        let nowMs = platform.clock.now().millisecondsSince1970
        let count = rows.count
        try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: "export.people", objectType: "area", objectID: scope,
                           summary: #"{"rows":\#(count),"unmasked":\#(unmasked)}"#),
                at: nowMs, in: db, kind: kind)
        }
        return (data, count)
    }

    private func row(_ record: PersonRecord, unmasked: Bool, permissions: Set<Permission>) throws -> [String] {
        let view = PersonView(record, permissions: permissions)
        let idNumber = unmasked ? try platform.cipher.open(record.idNumberCipher) : record.idNumberMasked
        let phone = unmasked ? try record.phoneCipher.map { try platform.cipher.open($0) } ?? "" : record.phoneMasked ?? ""
        return [view.name, view.gender == "male" ? "男" : "女", String(view.birthYear), idNumber, phone, view.gridCode,
                view.address, view.relation ?? "", view.tags.joined(separator: "、")]
    }
}
