import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The petition pages: the list with its filters and figures, the registration form (values kept, errors
/// beside their fields) and the petition with its clocks and the forms its state allows.
enum PetitionPageContext {
    static let petitionerRows = 5

    static func list(_ page: PetitionPage, filter: PetitionFilter, mayRegister: Bool) -> [String: Any] {
        func option(_ value: String, _ name: String, selected: String?) -> [String: Any] {
            ["value": value, "name": name, "selected": value == selected]
        }
        var query: [String] = []
        if let form = filter.form, !form.isEmpty { query.append("form=\(form)") }
        if let state = filter.state, !state.isEmpty { query.append("state=\(state)") }
        if filter.overdue { query.append("overdue=1") }
        if filter.collective { query.append("collective=1") }
        if filter.repeated { query.append("repeat=1") }
        if let area = filter.area, !area.isEmpty { query.append("area=\(area)") }
        return [
            "mayRegister": mayRegister,
            "counts": [
                "petitions": page.counts.petitions, "batches": page.counts.visitBatches, "persons": page.counts.visitPersons,
                "collective": page.counts.collectiveBatches, "overdue": page.overdue,
            ],
            "forms": [option("", "全部形式", selected: filter.form ?? "")]
                + PetitionForm.allCases.map { option($0.rawValue, $0.chineseName, selected: filter.form) },
            "states": [option("", "全部状态", selected: filter.state ?? "")]
                + PetitionState.allCases.map { option($0.rawValue, $0.chineseName, selected: filter.state) },
            "overdue": filter.overdue, "collective": filter.collective, "repeated": filter.repeated,
            "area": filter.area ?? "",
            "petitions": page.petitions.map { p -> [String: Any] in
                [
                    "id": p.id, "caseNumber": p.caseNumber, "formName": p.formName, "stateName": p.stateName,
                    "receivedAt": DeskPageContext.minute(p.receivedAt), "petitioner": p.petitioner, "persons": p.persons,
                    "collective": p.collective, "repeated": p.repeated, "category": p.category, "excerpt": p.excerpt,
                    "deadline": p.deadline.map(DeskPageContext.minute) as Any, "deadlineName": p.deadlineName as Any,
                    "clockStatus": p.clockStatus ?? "", "clockStatusName": p.clockStatusName as Any, "overdue": p.overdue,
                ]
            },
            "next": page.next.map { next in "/petitions?" + (query + ["cursor=\(next)"]).joined(separator: "&") } as Any,
        ]
    }

    static func form(
        _ submission: PetitionSubmission, form: DeskForm, errors: [FieldError], key: String
    ) -> [String: Any] {
        func error(_ field: String) -> Any { errors.first { $0.field == field }?.message as Any }
        var rows = submission.petitioners
        while rows.count < petitionerRows { rows.append(PetitionSubmission.Petitioner()) }
        let chosen = PetitionForm(codeOrChineseName: submission.form ?? "") ?? .visit
        return [
            "key": key,
            "forms": PetitionForm.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "selected": $0 == chosen] as [String: Any]
            },
            "formError": error("form"),
            "receivedAt": submission.receivedAt ?? "", "receivedAtError": error("receivedAt"),
            "persons": submission.persons ?? "", "personsError": error("persons"),
            "petitioners": rows.enumerated().map { index, row in
                [
                    "index": index, "number": index + 1, "name": row.name ?? "", "idNumber": row.idNumber ?? "",
                    "phone": row.phone ?? "",
                    "error": DeskPageContext.nonEmpty(errors.filter { $0.field.hasPrefix("petitioners[\(index)]") }
                        .map(\.message).joined(separator: ";")),
                ] as [String: Any]
            },
            "petitionersError": error("petitioners"),
            "description": submission.description ?? "", "descriptionError": error("description"),
            "categoryError": error("category"),
            "categoryGroups": form.categories.kinds.filter { !$0.categories.isEmpty }.map { branch in
                [
                    "name": branch.name,
                    "categories": branch.categories.map {
                        ["code": $0.code, "name": $0.name, "selected": $0.code == submission.category] as [String: Any]
                    },
                ] as [String: Any]
            },
            "gridCode": submission.gridCode ?? "", "gridCodeError": error("gridCode"),
            "grids": form.grids.map { ["code": $0.code, "name": $0.name] },
            "address": submission.address ?? "", "addressError": error("address"),
            "respondentOrgan": submission.respondentOrgan ?? "", "respondentOrganError": error("respondentOrgan"),
            "firstResponder": submission.firstResponder ?? "", "firstResponderError": error("firstResponder"),
            "collectiveThreshold": PetitionSubmission.collectiveThreshold,
            "errors": errors.map { ["message": $0.message] },
        ]
    }

    static func petition(
        _ p: PetitionView, staff: Staff, errors: [FieldError] = [], revealed: [RevealedPetitioner]? = nil,
        saved: Bool = false
    ) -> [String: Any] {
        func minute(_ date: Date?) -> Any { date.map(DeskPageContext.minute) as Any }
        let state = PetitionState(rawValue: p.state)
        let officer = !staff.isMachine && staff.may(.receivePetitions)
        let approver = !staff.isMachine && (staff.may(.superviseCases) || staff.may(.receivePetitions))
        let extensionState = p.extension?.state
        let caseReady = p.caseState == CaseState.verified.rawValue || p.caseState == CaseState.closed.rawValue
            || p.caseState == CaseState.archived.rawValue
        func review(_ r: PetitionView.Review?) -> Any {
            guard let r else { return nil as String? as Any }
            return [
                "request": r.request, "requestedAt": DeskPageContext.minute(r.requestedAt), "resultName": r.resultName as Any,
                "opinion": r.opinion as Any, "decidedAt": minute(r.decidedAt), "decidedBy": r.decidedBy as Any,
            ] as [String: Any]
        }
        let revealedRows = revealed.map { rows in Dictionary(rows.map { ($0.position, $0) }, uniquingKeysWith: { a, _ in a }) }
        return [
            "saved": saved,
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "p": [
                "id": p.id, "caseNumber": p.caseNumber, "caseStateName": p.caseStateName ?? "—", "formName": p.formName,
                "stateName": p.stateName, "placeName": p.placeName, "placeCode": p.placeCode, "category": p.category,
                "description": p.description, "respondentOrgan": p.respondentOrgan ?? "—", "persons": p.persons,
                "collective": p.collective, "repeated": p.repeated, "receivedAt": DeskPageContext.minute(p.receivedAt),
                "registeredAt": DeskPageContext.minute(p.registeredAt), "registeredBy": p.registeredBy,
                "firstResponder": p.firstResponder, "overdue": p.overdue,
                "decisionName": p.decisionName as Any, "decisionReason": p.decisionReason as Any,
                "noticeChannelName": p.noticeChannelName as Any, "decidedAt": minute(p.decidedAt),
                "decidedBy": p.decidedBy as Any,
                "reply": p.reply as Any, "replyChannelName": p.replyChannelName as Any, "repliedAt": minute(p.repliedAt),
                "repliedBy": p.repliedBy as Any,
                "reviewWindowEnds": minute(p.reviewWindowEnds), "reReviewWindowEnds": minute(p.reReviewWindowEnds),
                "reviewWindowOpen": p.reviewWindowOpen, "reReviewWindowOpen": p.reReviewWindowOpen,
                "earlierElsewhere": p.earlierElsewhere > 0 ? p.earlierElsewhere : nil as Int? as Any,
            ] as [String: Any],
            "petitioners": p.petitioners.map { row -> [String: Any] in
                let shown = revealedRows?[row.position]
                return [
                    "name": row.name, "idNumber": shown?.idNumber ?? row.idNumber ?? "—",
                    "phone": shown?.phone ?? row.phone ?? "—", "personId": row.personId as Any,
                ]
            },
            "revealed": revealed != nil,
            "mayReveal": staff.may(.revealIdentifiers) && revealed == nil,
            "earlier": p.earlier.map { e -> [String: Any] in
                ["id": e.id, "caseNumber": e.caseNumber, "formName": e.formName, "stateName": e.stateName,
                 "receivedAt": DeskPageContext.minute(e.receivedAt), "excerpt": e.excerpt]
            },
            "clocks": p.clocks.map { c -> [String: Any] in
                ["kindName": c.kindName, "limit": c.limit, "startedAt": DeskPageContext.minute(c.startedAt),
                 "deadline": DeskPageContext.minute(c.deadline), "stoppedAt": minute(c.stoppedAt), "status": c.status,
                 "statusName": c.statusName]
            },
            "extension": p.extension.map { e -> [String: Any] in
                ["stateName": e.stateName, "days": e.days, "reason": e.reason,
                 "requestedAt": DeskPageContext.minute(e.requestedAt), "requestedBy": e.requestedBy,
                 "decidedAt": minute(e.decidedAt), "decidedBy": e.decidedBy as Any, "denialReason": e.denialReason as Any]
            } as Any,
            "review": review(p.review), "reReview": review(p.reReview),
            "documents": p.documents.map { kind -> [String: Any] in
                let title = kind == .reply ? "答复意见书" : (p.decisionName.map { $0 + "告知书" } ?? "告知书")
                return ["href": "/petitions/\(p.id)/documents/\(kind.rawValue)", "title": title]
            },
            "decisions": PetitionDecision.allCases.filter { $0 != .refuseRepeat || p.repeated }.map {
                ["value": $0.rawValue, "name": $0.chineseName] as [String: Any]
            },
            "channels": ContactChannel.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "selected": $0 == .letter] as [String: Any]
            },
            "results": PetitionReviewResult.allCases.map { ["value": $0.rawValue, "name": $0.chineseName] as [String: Any] },
            "maxExtension": PetitionLimits.maximumExtension.amount,
            "canDecide": officer && state == .received,
            "canRequestExtension": officer && state == .accepted && extensionState != "pending" && extensionState != "approved",
            "canDecideExtension": approver && state == .accepted && extensionState == "pending",
            "canReply": officer && state == .accepted && caseReady,
            "awaitingCase": state == .accepted && !caseReady,
            "canRequestReview": officer && state == .replied && p.reviewWindowOpen,
            "canReview": officer && state == .reviewRequested,
            "canRequestReReview": officer && state == .reviewed && p.reReviewWindowOpen,
            "canReReview": officer && state == .reReviewRequested,
        ]
    }
}
