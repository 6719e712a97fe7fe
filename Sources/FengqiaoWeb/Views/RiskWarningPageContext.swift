import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The template contexts of the warning list and a warning's page.
enum RiskWarningPageContext {
    static func time(_ ms: Int64) -> String { TokenRoutes.time(Date(millisecondsSince1970: ms)) }

    static func list(_ page: RiskWarningPage, filter: RiskWarningFilter) -> [String: Any] {
        func query(_ before: String?) -> String {
            var parts: [String] = []
            for (name, value) in [("state", filter.state), ("level", filter.level), ("rule", filter.rule), ("area", filter.area),
                                  ("before", before)] {
                if let value, let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
                    parts.append("\(name)=\(encoded)")
                }
            }
            return "/warnings" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        return [
            "items": page.items.map { item in
                [
                    "number": item.number, "rule": item.rule.chineseName, "level": item.level.rawValue,
                    "levelName": item.level.chineseName, "state": item.state.chineseName, "area": item.areaName,
                    "summary": item.summary, "owner": item.ownerName as Any, "cases": item.caseCount,
                    "raisedAt": time(item.raisedAt),
                ] as [String: Any]
            },
            "levels": RiskLevel.allCases.reversed().map { level in
                ["level": level.rawValue, "name": level.chineseName, "count": page.openByLevel[level] ?? 0,
                 "href": "/warnings?state=open&level=\(level.rawValue)"] as [String: Any]
            },
            "states": [("open", "未办结")] .map { ["value": $0.0, "name": $0.1, "selected": filter.state == $0.0] }
                + RiskWarningState.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": filter.state == $0.rawValue] },
            "levelChoices": RiskLevel.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": filter.level == $0.rawValue] },
            "rules": RiskRuleKind.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": filter.rule == $0.rawValue] },
            "area": filter.area as Any,
            "next": page.next.map { query($0) } as Any,
            "first": (filter.before == nil ? nil : query(nil)) as Any,
        ]
    }

    static func page(_ view: RiskWarningView, errors: [FieldError] = [], form: FormFields? = nil) -> [String: Any] {
        [
            "number": view.number, "rule": view.rule.chineseName, "level": view.level.rawValue,
            "levelName": view.level.chineseName, "state": view.state.chineseName, "area": view.areaName,
            "summary": view.summary, "measures": view.measures.map { ["text": $0.text] },
            "owner": view.ownerName as Any, "measuresTaken": view.measuresTaken as Any, "caseCount": view.caseCount,
            "raisedAt": time(view.raisedAt), "updatedAt": time(view.updatedAt), "closedAt": view.closedAt.map(time) as Any,
            "cases": view.cases.map { c in
                ["number": c.number, "state": c.stateName, "category": c.categoryName, "area": c.areaName,
                 "reportedAt": time(c.reportedAt)] as [String: Any]
            },
            "history": view.history.map { step in
                ["at": time(step.at), "actor": step.actorName, "note": step.note, "level": step.levelName] as [String: Any]
            },
            "mayAssign": view.mayAssign, "mayStart": view.mayStartHandling, "mayClose": view.mayClose,
            "owners": view.owners.map { owner in
                ["id": owner.id, "name": owner.name, "role": owner.roleName, "selected": owner.id == view.ownerId] as [String: Any]
            },
            "measuresText": form?["measures"] as Any,
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "ownerError": errors.first { $0.field == "ownerId" }?.message as Any,
            "measuresError": errors.first { $0.field == "measures" }?.message as Any,
        ]
    }
}
