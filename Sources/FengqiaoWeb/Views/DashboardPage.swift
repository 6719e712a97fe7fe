import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The template context of `/dashboard` and `/dashboard/wall`: every number as a link to its case list.
enum DashboardPage {
    /// Seconds between the page's own reloads (`<meta http-equiv="refresh">`: no script needed).
    static let refreshSeconds = 60

    /// The `/cases` link listing exactly the cases `cell` counts.
    static func href(_ cell: CommandBoard.Cell) -> String {
        let query = CaseListQuery.string { cell.query[$0] }
        return "/cases" + (query.isEmpty ? "" : "?" + query)
    }

    static func number(_ cell: CommandBoard.Cell) -> [String: Any] {
        ["n": cell.count, "href": href(cell), "zero": cell.count == 0]
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f%%", value)
    }

    static func rate(_ name: String, _ rate: CommandBoard.Rate, formula: String) -> [String: Any] {
        [
            "name": name, "text": percent(rate.percent), "part": number(rate.part), "whole": number(rate.whole),
            "formula": formula, "below": rate.belowTarget, "target": rate.target.map { "目标 \($0)%" } as Any,
        ]
    }

    static func rates(_ f: CommandBoard.Figures) -> [[String: Any]] {
        [
            rate("办结率", f.closedRate, formula: "办结/受理"), rate("按时办结率", f.onTimeRate, formula: "按时办结/办结"),
            rate("满意率", f.satisfactionRate, formula: "满意/已评价"),
            rate("村级化解率", f.villageRate, formula: "村级化解/化解"),
        ]
    }

    static func figures(_ f: CommandBoard.Figures, name: String, wall: Bool) -> [String: Any] {
        let w = wall ? 400.0 : 440.0
        let palette = wall ? DashboardCharts.Palette(grid: "#1e3a5f", text: "#cbd5e1") : DashboardCharts.Palette()
        return [
            "name": name, "from": f.from, "to": f.to, "same": f.from == f.to, "total": number(f.total),
            "measures": [
                ("办结", f.closed), ("按时办结", f.closedOnTime), ("已评价", f.rated), ("满意", f.satisfied),
                ("化解", f.resolved), ("村级化解", f.resolvedVillage), ("超时", f.overdue), ("督办", f.supervised),
            ].map { ["name": $0.0, "cell": number($0.1)] as [String: Any] },
            "rates": rates(f),
            "states": f.states.filter { $0.cell.count > 0 }.map { ["name": $0.name, "cell": number($0.cell)] as [String: Any] },
            "channelChart": DashboardCharts.bars(f.channels, caption: name + "来源渠道", width: w, colour: "#3b82f6", palette: palette),
            "kindChart": DashboardCharts.bars(f.kinds, caption: name + "事件类型", width: w, colour: "#f59e0b", palette: palette),
        ]
    }

    static func unit(_ u: CommandBoard.Unit, rank: Int) -> [String: Any] {
        [
            "rank": rank, "code": u.code, "name": u.name, "total": number(u.total), "closed": number(u.closed),
            "overdue": number(u.overdue),
            "rates": [
                rate("办结率", u.closedRate, formula: ""), rate("按时办结率", u.onTimeRate, formula: ""),
                rate("满意率", u.satisfactionRate, formula: ""), rate("村级化解率", u.villageRate, formula: ""),
            ],
        ]
    }

    /// The open risk warnings by level, highest first, each linking to its list.
    static func warnings(_ open: [RiskLevel: Int], area: String?) -> [[String: Any]] {
        RiskLevel.allCases.reversed().map { level in
            var href = "/warnings?state=open&level=\(level.rawValue)"
            if let area, let encoded = area.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { href += "&area=" + encoded }
            return ["level": level.rawValue, "name": level.chineseName, "count": open[level] ?? 0, "href": href]
        }
    }

    static func context(_ board: CommandBoard, atlas: AreaAtlas, wall: Bool, now: Date) -> [String: Any] {
        let palette = wall ? DashboardCharts.Palette(grid: "#1e3a5f", text: "#cbd5e1") : DashboardCharts.Palette()
        let grids = board.grids
        var heat: String?
        if board.areaCode != nil, !grids.isEmpty {
            let shapes = grids.compactMap { g -> AreaMap.Shape? in
                guard let node = atlas.node(g.code) else { return nil }
                return AreaMap.Shape(code: g.code, name: g.name, polygons: node.polygons, value: Double(g.cell.count),
                                     label: "\(g.cell.count)件", link: href(g.cell))
            }
            let outline = board.areaCode.flatMap { atlas.node($0)?.polygons } ?? []
            let map = AreaMap(shapes: shapes, outline: outline, width: wall ? 820 : 600, caption: "本月网格案件热力图")
            heat = map.svg()
        }
        let selfLink = wall ? "/dashboard/wall" : "/dashboard"
        func query(area: String?) -> String {
            var items: [String] = []
            if let area { items.append("area=" + area) }
            if board.day != ChinaTime.dayString(now) { items.append("day=" + board.day) }
            return items.isEmpty ? "" : "?" + items.joined(separator: "&")
        }
        let time = ChinaTime.calendar.dateComponents([.hour, .minute], from: now)
        return [
            "scopeName": board.scopeName, "day": board.day, "month": board.month, "areaCode": board.areaCode as Any,
            "refresh": refreshSeconds, "updated": String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0),
            "wallLink": "/dashboard/wall" + query(area: board.areaCode), "normalLink": "/dashboard" + query(area: board.areaCode),
            "today": figures(board.today, name: "今日", wall: wall),
            "thisMonth": figures(board.thisMonth, name: "本月", wall: wall),
            "overdueNow": number(board.overdueNow), "supervisedNow": number(board.supervisedNow),
            "trend": DashboardCharts.trend(board.days, width: wall ? 760 : 720, height: wall ? 190 : 220, palette: palette),
            "monthsChart": DashboardCharts.months(board.months, width: wall ? 760 : 720, height: wall ? 190 : 220,
                                                  palette: palette),
            "days": board.days.map { ["label": $0.label, "total": number($0.total), "closed": number($0.closed)] as [String: Any] },
            "months": board.months.map { ["label": $0.label, "total": number($0.total), "closed": number($0.closed)] as [String: Any] },
            "heat": heat as Any,
            "legend": AreaMap(shapes: grids.compactMap { g in
                atlas.node(g.code).map { AreaMap.Shape(code: g.code, name: g.name, polygons: $0.polygons,
                                                       value: Double(g.cell.count), link: "") }
            }).legend().map { ["color": $0.color, "label": $0.label] },
            "grids": grids.map { ["name": $0.name, "cell": number($0.cell)] as [String: Any] },
            "areas": board.areas.enumerated().map { unit($1, rank: $0 + 1) },
            "departments": board.departments.enumerated().map { unit($1, rank: $0 + 1) },
            "children": board.children.map { ["name": $0.name, "href": selfLink + query(area: $0.code)] as [String: Any] },
            "villageTarget": LadderShare.villageTargetPercent,
        ]
    }
}
