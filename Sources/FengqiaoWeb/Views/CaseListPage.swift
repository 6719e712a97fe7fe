import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The template context of `/cases`: the filter form as sent (choices marked selected), the rows in
/// Chinese with their SLA colour, and the paging and export links.
enum CaseListPage {
    static func context(
        list: CaseWorklist, filter: CaseWorklistFilter, cases: [CaseWorklistItem], atlas: AreaAtlas, next: String?,
        first: String?, export: String?, tabs: [[String: Any]]
    ) -> [String: Any] {
        func choices(_ values: [(String, String)], _ selected: String?) -> [[String: Any]] {
            values.map { ["value": $0.0, "name": $0.1, "selected": $0.0 == selected] }
        }
        return [
            "list": list.rawValue, "listName": list.chineseName, "tabs": tabs,
            "states": choices(CaseState.allCases.map { ($0.rawValue, $0.chineseName) }, filter.state),
            "channels": choices(Channel.allCases.map { ($0.rawValue, $0.chineseName) }, filter.channel),
            "kinds": choices(CaseKind.allCases.map { ($0.rawValue, $0.chineseName) }, filter.kind),
            "urgencies": choices(Urgency.allCases.map { ($0.rawValue, $0.chineseName) }, filter.urgency),
            "risks": choices([("", "全部")] + [("warning", "有未办结预警")]
                + RiskLevel.allCases.map { ($0.rawValue, "\($0.chineseName)及以上预警") }, filter.risk ?? ""),
            "sorts": choices([("", "默认顺序"), ("reported", "上报时间"), ("due", "办理期限"), ("urgency", "紧急程度")], filter.sort ?? ""),
            "directions": choices([("", "默认方向"), ("desc", "降序"), ("asc", "升序")], filter.direction ?? ""),
            "filter": [
                "category": filter.category ?? "", "area": filter.area ?? "", "grid": filter.grid ?? "",
                "department": filter.department ?? "", "reportedFrom": filter.reportedFrom ?? "",
                "reportedTo": filter.reportedTo ?? "",
                "overdue": filter.overdue.map { ["1", "true", "on"].contains($0.lowercased()) } ?? false,
                "supervised": filter.supervised.map { ["1", "true", "on"].contains($0.lowercased()) } ?? false,
            ] as [String: Any],
            "outcomes": [
                ("closed", filter.closed, "已办结"), ("closedOnTime", filter.closedOnTime, "按时办结"),
                ("rated", filter.rated, "已回访评价"), ("satisfied", filter.satisfied, "满意(含基本满意)"),
                ("resolved", filter.resolved, "已化解"), ("resolvedVillage", filter.resolvedVillage, "村级化解(网格/村社)"),
            ].map { ["name": $0.0, "label": $0.2, "checked": $0.1.map { ["1", "true", "on"].contains($0.lowercased()) } ?? false] },
            "cases": cases.map { row($0, atlas: atlas) }, "next": next as Any, "first": first as Any, "export": export as Any,
            "exportLimit": CaseListExport.maximumRows,
        ]
    }

    static func row(_ item: CaseWorklistItem, atlas: AreaAtlas) -> [String: Any] {
        [
            "number": item.number, "href": "/cases/" + (item.number.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? item.number),
            "state": item.stateName, "category": item.categoryName,
            "kind": CaseKind(rawValue: item.kind)?.chineseName ?? item.kind,
            "channel": Channel(rawValue: item.channel)?.chineseName ?? item.channel,
            "urgency": Urgency(rawValue: item.urgency)?.chineseName ?? item.urgency,
            "urgent": item.urgency != Urgency.normal.rawValue,
            "area": atlas.node(item.areaCode)?.name ?? item.areaCode,
            "grid": item.gridCode.map { atlas.node($0)?.name ?? $0 } as Any, "department": item.leadDepartment as Any,
            "reported": CaseListColour.minuteString(item.reportedAt),
            "due": item.dueAt.map(CaseListColour.minuteString) as Any,
            "clock": item.clockStatus, "clockName": CaseListColour.name(item.clockStatus),
            "supervision": SupervisionKind(rawValue: item.supervision)?.chineseName as Any,
        ]
    }
}
