import FengqiaoDomain
import FengqiaoSheets
import FengqiaoStore
import Foundation

/// XLSX exports of the other base-data lists (organisations, places, things) of an area; audited.
/// They hold no personal identifiers; residents have their own export (`ResidentExport`).
public struct ListExport: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    public enum List: String, Sendable, CaseIterable {
        case organizations, places, things

        var sheetName: String {
            switch self {
            case .organizations: "组织"
            case .places: "场所"
            case .things: "部件"
            }
        }
    }

    public func xlsx(_ list: List, areaCode: String?, caller: Caller) async throws -> (data: Data, rows: Int) {
        try caller.staff.require(.exportData)
        try caller.staff.require(.viewBaseData)
        let area = try caller.staff.scope(areaCode)
        let (scope, prefix) = (area.root.rawValue, area.prefix)
        let kind = platform.database.kind
        let limit = ResidentExport.maximumRows
        let (header, rows): ([String], [[String]]) = try await platform.database.read { db in
            switch list {
            case .organizations:
                let records = try await OrganizationRepository(db, kind: kind).all(prefix: prefix, limit: limit)
                return (["组织名称", "统一社会信用代码", "组织类型", "网格编码", "地址"], records.map {
                    [$0.name, $0.creditCode, OrganizationKind(rawValue: $0.kind)?.chineseName ?? $0.kind, $0.gridCode, $0.address]
                })
            case .places, .things:
                let table: SiteRepository.Table = list == .places ? .places : .things
                let records = try await SiteRepository(db, kind: kind, table: table).all(prefix: prefix, limit: limit)
                return (["名称", "类型", "网格编码", "地址", "纬度", "经度", "备注"], records.map {
                    let kindName = list == .places ? PlaceKind(rawValue: $0.kind)?.chineseName : ThingKind(rawValue: $0.kind)?.chineseName
                    return [$0.name, kindName ?? $0.kind, $0.gridCode, $0.address, $0.lat.map { String($0) } ?? "",
                            $0.lon.map { String($0) } ?? "", $0.note ?? ""]
                })
            }
        }
        let data: Data
        do { data = try XLSXWriter.write(sheetName: list.sheetName, header: header, rows: rows) } catch {
            throw DomainError.conflict(code: error.code, message: error.message)
        }
        let nowMs = platform.clock.now().millisecondsSince1970
        let count = rows.count
        try await platform.database.write { db in
            try await AuditTrail.append(
                AuditEntry(caller, action: "export.\(list.rawValue)", objectType: "area", objectID: scope,
                           summary: #"{"rows":\#(count)}"#),
                at: nowMs, in: db, kind: kind)
        }
        return (data, count)
    }
}
