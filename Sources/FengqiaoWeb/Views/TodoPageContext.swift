import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Turns the sections of `TodoHome` into the 待办 page's template context.
enum TodoPageContext {
    /// The commands a queue row offers in one click: 签收 as a form here, the others as links that open the
    /// case page with that form unfolded.
    static let linked: [CaseCommand.Name] = [.returnCase, .feedback, .respondToSupervision, .supervise]

    static func row(_ row: TodoHome.Row, atlas: AreaAtlas) -> [String: Any] {
        var values = CaseListPage.row(row.item, atlas: atlas)
        let href = values["href"] as? String ?? "/cases/" + row.item.number
        let offered = row.offer?.offered ?? []
        values["signFor"] = offered.contains(.signFor)
        values["version"] = row.offer?.version ?? 0
        values["actions"] = linked.filter(offered.contains).map { name -> [String: Any] in
            let kebab = CaseCommandRequest.kebab(name)
            return ["label": name == .supervise ? "督办 / 挂牌督办" : name.chineseName,
                    "href": href + "?open=\(kebab)#action-\(kebab)"]
        }
        values["openSupervisions"] = (row.offer?.openSupervisions ?? []).map { supervision -> [String: Any] in
            ["number": supervision.number, "kindName": supervision.kind.chineseName,
             "responseDue": supervision.responseDue.map(DeskPageContext.minute) as Any]
        }
        return values
    }

    static func department(_ queue: TodoHome.DepartmentQueue, atlas: AreaAtlas) -> [String: Any] {
        let parts: [(String, String, String, [TodoHome.Row], String)] = [
            ("sign-for", "待签收", "派给本部门、尚未签收的案件。签收后开始计算办理时限。", queue.awaitingSignFor, "/cases?list=mine&state=dispatched"),
            ("in-handling", "办理中", "已签收的案件,期限最近的在前;办结后在案件页“反馈”。", queue.inHandling, "/cases?list=mine&state=inProgress"),
            ("returned", "已退回", "本部门退回、等待指挥中心裁定的案件。", queue.returned, "/cases?list=mine&state=accepted"),
            ("handled", "已反馈", "已反馈办理结果、等待核查的案件。", queue.handled, "/cases?list=mine&state=handled"),
        ]
        return [
            "total": queue.total,
            "parts": parts.map { id, name, hint, rows, href -> [String: Any] in
                ["id": id, "name": name, "hint": hint, "count": rows.count, "href": href,
                 "rows": rows.prefix(TodoHome.rowLimit).map { row($0, atlas: atlas) }]
            },
        ]
    }

    static func grids(_ grids: [TodoHome.GridSummary], mayOpenMap: Bool) -> [[String: Any]] {
        grids.map { grid in
            ["code": grid.code, "name": grid.name, "open": grid.open, "overdue": grid.overdue,
             "reportedThisMonth": grid.reportedThisMonth, "listHref": "/cases?grid=\(grid.code)",
             "overdueHref": grid.overdue > 0 ? "/cases?grid=\(grid.code)&overdue=1" as Any : nil as String? as Any,
             "gridHref": mayOpenMap ? "/areas/\(grid.code)" as Any : nil as String? as Any]
        }
    }

    static func supervision(_ supervision: TodoHome.Supervision, atlas: AreaAtlas) -> [String: Any] {
        ["overdue": supervision.overdue.map { row($0, atlas: atlas) }, "overdueCount": supervision.overdueCount,
         "supervised": supervision.supervised.map { row($0, atlas: atlas) }, "supervisedCount": supervision.supervisedCount]
    }

    static func mediation(_ item: MediationCaseListItem) -> [String: Any] {
        ["number": item.number, "stateName": item.stateName, "specialtyName": item.specialtyName,
         "areaName": item.areaName ?? item.areaCode, "mediatorName": item.mediatorName ?? "未指派",
         "nextSession": item.nextSession.map(DeskPageContext.minute) as Any,
         "openedAt": DeskPageContext.minute(item.openedAt)]
    }

    static func petition(_ item: PetitionSummary, now: Date) -> [String: Any] {
        ["id": item.id, "caseNumber": item.caseNumber, "formName": item.formName, "stateName": item.stateName,
         "petitioner": item.petitioner, "excerpt": item.excerpt, "deadlineName": item.deadlineName ?? "期限",
         "deadline": item.deadline.map(DeskPageContext.minute) as Any,
         "clock": item.overdue || (item.deadline.map { $0 < now } ?? false) ? "overdue" : "warning",
         "clockName": item.clockStatusName ?? "临近"]
    }
}
