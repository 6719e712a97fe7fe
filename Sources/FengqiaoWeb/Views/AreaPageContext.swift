import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Turns the area browser's read models into template contexts (HTML) and JSON.
enum AreaPageContext {
    static func overview(_ overview: AreaOverview, mayEdit: Bool) -> [String: Any] {
        let area = overview.area
        let shapes = overview.children.map { child in
            AreaMap.Shape(
                code: child.node.code, name: child.node.name, polygons: child.node.polygons,
                value: density(child.openCases, child.node.squareMetres), label: "\(child.openCases)件",
                link: "/areas/\(child.node.code)")
        }
        let map = AreaMap(shapes: shapes, outline: area.polygons, caption: "\(area.name)下辖区域在办案件密度")
        return [
            "area": node(area), "breadcrumbs": overview.breadcrumbs.map(node), "mayEdit": mayEdit,
            "openCases": overview.openCases, "childCount": overview.children.count,
            "childLevel": overview.children.first.map { levelName($0.node) } ?? "",
            "squareKilometres": kilometres(area.squareMetres),
            "mapSVG": map.svg(),
            "legend": map.legend().map { ["color": $0.color, "label": $0.label] },
            "children": overview.children.map { child in
                [
                    "code": child.node.code, "name": child.node.name, "level": levelName(child.node),
                    "openCases": child.openCases, "people": child.people as Any,
                    "density": String(format: "%.1f", density(child.openCases, child.node.squareMetres)),
                    "squareKilometres": kilometres(child.node.squareMetres),
                ] as [String: Any]
            },
            "showPeople": overview.children.first?.people != nil,
            "center": overview.center.map { ["name": $0.name, "address": $0.address, "hotline": $0.hotline] } as Any,
            "rotating": overview.departments.filter { $0.stationing == .rotating }.map {
                ["id": $0.record.id ?? 0, "name": $0.record.name] as [String: Any]
            },
            "departments": overview.departments.map { department in
                [
                    "name": department.record.name, "core": department.record.isCore == 1,
                    "stationing": department.stationing.chineseName,
                    "onDuty": department.onDutyToday.joined(separator: "、"),
                ] as [String: Any]
            },
        ]
    }

    static func grid(_ detail: GridDetail, mayEdit: Bool) -> [String: Any] {
        let posts = GridPost.allCases.map { post in
            [
                "post": post.chineseName,
                "holders": detail.posts.filter { $0.post == post.rawValue }.map { $0.displayName ?? "" }
                    .joined(separator: "、"),
            ]
        }
        return [
            "area": node(detail.grid), "breadcrumbs": detail.breadcrumbs.map(node), "posts": posts,
            "mayEdit": mayEdit && detail.grid.level == .grid,
            "holders": detail.posts.compactMap { holder in
                GridPost(rawValue: holder.post).map {
                    ["post": $0.chineseName, "postCode": $0.rawValue, "name": holder.displayName ?? "",
                     "accountId": holder.accountId] as [String: Any]
                }
            },
            "postChoices": GridPost.allCases.map { ["value": $0.rawValue, "name": $0.chineseName] },
            "findings": detail.staffing.findings.map { ["message": $0.message, "violation": $0.isViolation] },
            "fullyStaffed": detail.staffing.isFullyStaffed,
            "counts": [
                "people": detail.counts.people, "households": detail.counts.households,
                "organizations": detail.counts.organizations, "places": detail.counts.places,
                "things": detail.counts.things,
            ],
            "squareKilometres": kilometres(detail.grid.squareMetres),
            "microGrids": detail.microGrids.map(node), "openCases": detail.openCases,
            "recentCases": detail.recentCases.map {
                [
                    "number": $0.number, "kind": $0.kind?.chineseName ?? "", "category": $0.category,
                    "state": $0.state?.chineseName ?? "", "day": $0.reportedDay,
                ]
            },
        ]
    }

    static func node(_ node: AreaNode) -> [String: Any] {
        ["code": node.code, "name": node.name, "level": levelName(node)]
    }

    static func levelName(_ node: AreaNode) -> String {
        if let kind = node.gridKind, kind != .ordinary { return kind.chineseName }
        return node.level.chineseName
    }

    /// Open cases per km².
    static func density(_ cases: Int, _ squareMetres: Double) -> Double {
        squareMetres > 0 ? Double(cases) / (squareMetres / 1_000_000) : 0
    }

    static func kilometres(_ squareMetres: Double) -> String { String(format: "%.2f", squareMetres / 1_000_000) }
}
