import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The contexts of the report pages: the list, the form and one report (shared by its page and its PDF).
enum ReportPageContext {
    static let kindChoices: [(String, String)] = ReportKind.allCases.map { ($0.rawValue, $0.chineseName) }

    static func list(_ page: ReportListPage, kind: String?) -> [String: Any] {
        [
            "mayGenerate": page.mayGenerate,
            "kinds": [["value": "", "name": "全部", "current": (kind ?? "").isEmpty]]
                + kindChoices.map { ["value": $0.0, "name": $0.1, "current": $0.0 == kind] },
            "items": page.items.map { item in
                [
                    "number": item.number, "kindName": item.kind.chineseName, "kind": item.kind.rawValue, "title": item.title,
                    "areaName": item.areaName, "period": item.from == item.to ? item.from : "\(item.from) 至 \(item.to)",
                    "createdBy": item.createdBy, "createdAt": ReportMoney.minute(item.createdAt), "scheduled": item.scheduled,
                ] as [String: Any]
            },
            "next": page.next.map { "/reports?" + [kind.map { "kind=\($0)" }, "before=\($0)"].compactMap { $0 }.joined(separator: "&") } as Any,
        ]
    }

    static func form(_ fields: FormFields?, errors: [FieldError], defaultArea: String, yesterday: String,
                     categories: [(code: String, name: String)], areas: [(code: String, name: String)]) -> [String: Any] {
        let kind = fields?["kind"] ?? "daily"
        let category = fields?["category"] ?? ""
        let area = fields?["area"] ?? defaultArea
        var context: [String: Any] = [
            "kinds": kindChoices.map { ["value": $0.0, "name": $0.1, "selected": $0.0 == kind] },
            "areas": areas.map { ["value": $0.code, "name": $0.name, "selected": $0.code == area] }, "from": fields?["from"] ?? yesterday, "to": fields?["to"] ?? "",
            "categories": categories.map { ["value": $0.code, "name": $0.name, "selected": $0.code == category] },
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
        ]
        for error in errors { context[error.field + "Error"] = error.message }
        return context
    }

    /// `2026年11月23日`, `2026年11月16日至22日`, `2026年10月`, or `2026年1月1日至2026年3月31日`.
    static func periodName(_ s: ReportSnapshot) -> String {
        func parts(_ day: String) -> (Int, Int, Int) {
            let p = day.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? (p[0], p[1], p[2]) : (0, 0, 0)
        }
        let (y1, m1, d1) = parts(s.from), (y2, m2, d2) = parts(s.to)
        if s.from == s.to { return "\(y1)年\(m1)月\(d1)日" }
        if s.kind == .monthly, y1 == y2, m1 == m2 { return "\(y1)年\(m1)月" }
        if y1 == y2, m1 == m2 { return "\(y1)年\(m1)月\(d1)日至\(d2)日" }
        if y1 == y2 { return "\(y1)年\(m1)月\(d1)日至\(m2)月\(d2)日" }
        return "\(y1)年\(m1)月\(d1)日至\(y2)年\(m2)月\(d2)日"
    }

    static func report(_ report: StoredReport) -> [String: Any] {
        let s = report.snapshot
        let c = s.cases
        let f = s.figures
        func count(_ rows: [ReportSnapshot.Count]) -> [[String: Any]] {
            let total = max(1, rows.map(\.count).reduce(0, +))
            return rows.map { ["name": $0.name, "count": $0.count,
                               "share": ReportSnapshot.CaseFigures.percent($0.count, of: total)] }
        }
        let kpis: [(String, String, String)] = [
            ("受理总量", "\(c.total)", "件"), ("办结", "\(c.closed)", "件"), ("办结率", c.closedRate, ""),
            ("按时办结率", c.onTimeRate, ""), ("满意率", c.satisfactionRate, ""), ("超时", "\(c.overdue)", "件"),
        ]
        let figures: [(String, String)] = [
            ("信访批次", "\(f.petitionBatches)"), ("信访人次", "\(f.petitionPersons)"), ("来访批次", "\(f.visitBatches)"),
            ("来访人次", "\(f.visitPersons)"), ("集体访", "\(f.collectiveVisits)"), ("重复信访", "\(f.repeatPetitions)"),
            ("受理信访", "\(f.acceptedPetitions)"),
        ] + (s.includesMediations ? [
            ("调解受理", "\(f.mediationsReceived)"), ("调解成功", "\(f.mediationsSucceeded)"),
            ("部分达成", "\(f.mediationsPartial)"), ("调解不成", "\(f.mediationsFailed)"),
            ("调解成功率", f.successPerMille.map { "\($0 / 10).\($0 % 10)%" } ?? "—"),
            ("涉及金额(元)", ReportMoney.yuan(f.mediationAmountFen)),
        ] : [])
        let period = s.from == s.to ? s.from : "\(s.from) 至 \(s.to)"
        let busiest = s.areas.max { $0.figures.total < $1.figures.total }
        let topIssue = s.topCategories.first
        var overview = "\(period),\(s.areaName)\(s.categoryName.map { "「\($0)」类" } ?? "")共受理群众诉求和矛盾纠纷\(c.total)件,"
            + "已办结\(c.closed)件,办结率\(c.closedRate);按时办结率\(c.onTimeRate),群众满意率\(c.satisfactionRate);"
            + "目前超时未办结\(c.overdue)件,督办\(c.supervised)件。"
        if let busiest, busiest.figures.total > 0 { overview += "受理量最多的是\(busiest.name)(\(busiest.figures.total)件)。" }
        if let topIssue { overview += "反映最集中的问题是“\(topIssue.name)”(\(topIssue.count)件)。" }
        overview += "期内受理信访\(f.petitionBatches)批\(f.petitionPersons)人次"
            + (s.includesMediations ? ",受理调解\(f.mediationsReceived)件、调解成功\(f.mediationsSucceeded)件" : "")
            + ";发出风险预警\(s.warningsRaised)条。"
        return [
            "number": report.number, "title": report.title,
            "headline": "\(s.areaName)\(s.categoryName.map { "「\($0)」" } ?? "")社会治理\(s.kind.chineseName)",
            "periodName": Self.periodName(s), "kindName": s.kind.chineseName, "areaName": s.areaName,
            "period": period, "categoryName": s.categoryName as Any, "createdBy": report.createdBy,
            "createdAt": ReportMoney.minute(report.createdAt), "scheduled": report.scheduled, "overview": overview,
            "kpis": kpis.map { ["name": $0.0, "value": $0.1, "unit": $0.2] },
            "measures": [
                ["name": "受理总量", "value": c.total], ["name": "办结", "value": c.closed],
                ["name": "按时办结", "value": c.closedOnTime], ["name": "超时", "value": c.overdue],
                ["name": "督办", "value": c.supervised], ["name": "已评价", "value": c.rated],
                ["name": "满意", "value": c.satisfied], ["name": "化解", "value": c.resolved],
                ["name": "村级化解", "value": c.resolvedVillage], ["name": "村级化解率", "value": c.villageRate],
            ] as [[String: Any]],
            "channels": count(s.channels.filter { $0.count > 0 }), "kinds": count(s.kinds.filter { $0.count > 0 }),
            "states": count(s.states.filter { $0.count > 0 }),
            "areas": s.areas.map { a in
                ["name": a.name, "total": a.figures.total, "closed": a.figures.closed, "closedRate": a.figures.closedRate,
                 "overdue": a.figures.overdue, "satisfactionRate": a.figures.satisfactionRate] as [String: Any]
            },
            "topCategories": s.topCategories.enumerated().map { ["rank": $0.offset + 1, "name": $0.element.name,
                                                                "count": $0.element.count] as [String: Any] },
            "figures": figures.map { ["name": $0.0, "value": $0.1] },
            "includesMediations": s.includesMediations,
            "warningsRaised": s.warningsRaised,
            "warningLevels": s.warningLevels.map { ["name": $0.name, "count": $0.count, "level": $0.code] as [String: Any] },
            "warningRules": s.warningRules.map { ["name": $0.name, "count": $0.count] as [String: Any] },
            "seriousWarnings": s.seriousWarnings.map { w in
                ["number": w.number, "levelName": w.levelName, "level": w.level, "ruleName": w.ruleName, "areaName": w.areaName,
                 "stateName": w.stateName, "summary": w.summary, "raisedAt": ReportMoney.minute(w.raisedAt)] as [String: Any]
            },
            "trendChart": ReportCharts.trend(s.trend),
            "channelChart": ReportCharts.bars(s.channels, caption: "来源渠道"),
            "kindChart": ReportCharts.bars(s.kinds, caption: "事件类型", colour: "#0ea5e9"),
            "categoryChart": ReportCharts.bars(s.topCategories, caption: "突出问题", colour: "#f59e0b"),
        ]
    }
}
