import FengqiaoDomain
import FengqiaoServices
import Foundation

/// Turns `CasePage` into the case page's template context.
enum CasePageContext {
    /// `2026-03-01 09:30`, or nil (so that a `{{#section}}` around it disappears).
    static func minute(_ date: Date?) -> String? { date.map(DeskPageContext.minute) }

    static func context(
        _ page: CasePage, now: Date, done: String?, refused: CaseCommandForms.Refused?, revealed: RevealedCaseContacts?,
        unfolded: String? = nil
    ) -> [String: Any] {
        let view = page.view
        let doneName = done.flatMap(CaseCommandRequest.name(kebab:))?.chineseName
        return [
            "caseNumber": view.number, "caseVersion": view.version,
            "c": [
                "number": view.number, "state": view.state, "stateName": view.stateName,
                "kindName": CaseKind(rawValue: view.kind)?.chineseName ?? view.kind, "category": view.category,
                "urgencyName": Urgency(rawValue: view.urgency)?.chineseName ?? view.urgency,
                "tierName": view.tierName, "attempts": page.attemptsAtTier, "attemptLimit": page.attemptLimit,
                "channelName": page.channelName, "reportedAt": minute(page.reportedAt), "acceptedAt": minute(page.acceptedAt),
                "description": view.description, "address": page.address as Any,
                "areaName": page.areaName ?? view.areaCode, "areaCode": view.areaCode,
                "gridName": page.gridName as Any, "gridCode": view.gridCode as Any,
                "amount": view.amountInvolved as Any, "deadline": minute(view.deadline), "version": view.version,
                "returned": view.returned, "pendingExtension": minute(view.pendingExtension),
                "reply": view.reply as Any, "satisfactionName": view.satisfactionName as Any, "workable": view.workable,
                "lead": view.lead.map(part) as Any, "assisting": view.assisting.map(part),
            ] as [String: Any],
            "done": doneName.map { "已\($0)。" } as Any,
            "mapSVG": CaseMap.svg(grid: page.gridPolygons, gridName: page.gridName ?? "网格", point: page.coordinate) as Any,
            "coordinate": page.coordinate.map { String(format: "%.5f, %.5f", $0.latitude, $0.longitude) } as Any,
            "intake": view.intake.map { intake -> [String: Any] in
                ["channelName": intake.channelName, "visitors": intake.visitors as Any, "callerPhone": intake.callerPhone as Any,
                 "calledAt": minute(intake.calledAt), "letterDate": intake.letterDate as Any,
                 "firstResponder": intake.firstResponder, "registeredAt": minute(intake.registeredAt)]
            } as Any,
            "duplicates": page.duplicates.map { ["number": $0.number, "stateName": $0.stateName, "description": $0.description] },
            "mediations": page.mediations.map { ["number": $0.number, "stateName": $0.stateName] },
            "petitionID": page.petitionID as Any,
            "contact": contact(view, revealed: revealed) as Any,
            "parties": parties(view, revealed: revealed),
            "revealed": revealed != nil,
            "mayReveal": page.mayReveal && revealed == nil && (view.contactPhone != nil || view.parties.contains { $0.phone != nil }),
            "attachments": (view.attachments ?? []).map { a -> [String: Any] in
                ["id": a.id, "name": a.name, "typeName": a.typeName, "size": DeskPageContext.sizeText(a.size),
                 "uploadedAt": minute(a.uploadedAt), "uploadedBy": a.uploadedBy,
                 "isImage": a.mediaType.hasPrefix("image/"), "isPDF": a.mediaType == "application/pdf",
                 "href": "/api/v1/cases/\(view.number)/attachments/\(a.id)"]
            },
            "timeline": zip(view.timeline, page.notes + Array(repeating: nil, count: max(0, view.timeline.count - page.notes.count)))
                .enumerated().map { index, pair -> [String: Any] in
                    ["step": index + 1, "label": pair.0.label, "actor": page.actors.indices.contains(index) ? page.actors[index] : pair.0.actor, "at": minute(pair.0.at),
                     "note": pair.1 ?? pair.0.note as Any]
                },
            "clocks": (view.clocks ?? []).map { clock(
                $0, now: now) },
            "whistles": (view.whistles ?? []).map { w -> [String: Any] in
                ["number": w.number, "blownAt": minute(w.blownAt), "checkInDue": minute(w.checkInDue),
                 "departments": w.departments.map { ["name": $0.name ?? "部门\($0.department)", "stateName": $0.stateName] }]
            },
            "supervisions": (view.supervisions ?? []).map { s -> [String: Any] in
                ["number": s.number, "kindName": s.kindName, "note": s.note, "issuedAt": minute(s.issuedAt),
                 "responseDue": minute(s.responseDue), "response": s.response as Any, "stateName": s.stateName]
            },
            "forms": CaseCommandForms(page: page, refused: refused, unfolded: unfolded.flatMap(CaseCommandRequest.name(kebab:))).forms(),
            // A refused command the page no longer offers (another user moved the case): its message on top.
            "refusals": refused.flatMap { r in page.offered.contains(r.name) ? nil : r.errors.map { "\(r.name.chineseName):\($0.message)" } }
                ?? [],
        ]
    }

    static func part(_ p: CaseView.Part) -> [String: Any] {
        ["name": p.name ?? "部门\(p.department)", "statusName": p.statusName]
    }

    static func contact(_ view: CaseView, revealed: RevealedCaseContacts?) -> [String: Any]? {
        guard let name = view.contactName ?? revealed?.contactName else { return nil }
        return ["name": name, "phone": (revealed?.contactPhone ?? view.contactPhone) as Any]
    }

    static func parties(_ view: CaseView, revealed: RevealedCaseContacts?) -> [[String: Any]] {
        view.parties.enumerated().map { index, party in
            let full = revealed.flatMap { $0.parties.indices.contains(index) ? $0.parties[index].phone : nil }
            return ["sideName": party.side == "applicant" ? "申请人" : party.side == "respondent" ? "被申请人" : party.side,
                    "kindName": party.kind == "organization" ? "单位" : "个人", "name": party.name,
                    "phone": (full ?? party.phone) as Any]
        }
    }

    /// One SLA bar: the share of the time allowed that has passed, in tenths (a CSS class), and the colour.
    static func clock(_ clock: CaseView.Clock, now: Date) -> [String: Any] {
        let end = clock.stoppedAt ?? now
        let allowed = clock.deadline.timeIntervalSince(clock.startedAt)
        let share = allowed > 0 ? end.timeIntervalSince(clock.startedAt) / allowed : 1
        let tenths = min(10, max(0, Int((share * 10).rounded(.up))))
        let colour = switch clock.status {
        case "warning": "yellow"
        case "overdue", "missed": "red"
        case "met": "met"
        default: "running"
        }
        return ["kindName": clock.kindName, "department": clock.departmentName as Any, "limit": clock.limit,
                "startedAt": minute(clock.startedAt), "deadline": minute(clock.deadline),
                "stoppedAt": minute(clock.stoppedAt), "statusName": clock.statusName, "paused": clock.paused,
                "percent": min(999, max(0, Int((share * 100).rounded()))), "width": "w-\(tenths)", "colour": colour]
    }
}
