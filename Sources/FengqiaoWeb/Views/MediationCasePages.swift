import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Renders the mediation pages from the services' views (the routes decide what to render).
struct MediationCasePages: Sendable {
    let platform: Platform
    let views: Views

    static func minute(_ date: Date?) -> String { date.map(DeskPageContext.minute) ?? "" }

    func list(state: String?, caller: Caller, context: AppRequestContext) async throws -> Response {
        let items = try await MediationCases(platform: platform).list(state: state, caller: caller)
        let filters = [("", "全部")] + MediationCaseState.allCases.map { ($0.rawValue, $0.chineseName) }
        return try views.page("mediation-cases", [
            "mayOpen": caller.staff.may(.manageMediation),
            "filters": filters.map { value, label in
                ["href": value.isEmpty ? "/mediation" : "/mediation?state=\(value)", "label": label,
                 "current": (state ?? "") == value]
            },
            "mediations": items.map { m -> [String: Any] in
                ["number": m.number, "caseNumber": m.caseNumber, "stateName": m.stateName, "open": m.state == "open" || m.state == "inMediation",
                 "specialtyName": m.specialtyName, "areaName": m.areaName ?? m.areaCode, "organizationName": m.organizationName ?? "",
                 "mediatorName": m.mediatorName ?? "未指派", "amountYuan": m.amountYuan,
                 "nextSession": Self.minute(m.nextSession), "openedAt": Self.minute(m.openedAt)]
            },
        ], session: context.session)
    }

    func new(caller: Caller, context: AppRequestContext, errors: [FieldError] = [], form: FormFields? = nil) async throws
        -> Response
    {
        let registry = MediationRegistry(platform: platform)
        let organizations = try await registry.organizations(caller: caller).filter(\.active)
        let mediators = try await registry.mediators(caller: caller).filter(\.active)
        let value = { (name: String) in form?[name] ?? "" }
        return try views.page("mediation-new", [
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "caseNumber": value("caseNumber"), "facts": value("facts"), "amountYuan": value("amountYuan"),
            "areaCode": value("areaCode"),
            "specialties": MediationSpecialty.allCases.map {
                ["value": $0.rawValue, "label": $0.chineseName, "selected": value("specialty") == $0.rawValue]
            },
            "organizations": organizations.map {
                ["id": $0.id, "name": $0.name, "kindName": $0.kindName, "selected": value("organizationId") == String($0.id)]
            },
            "mediators": mediators.map {
                ["id": $0.id, "name": $0.name, "specialties": $0.specialtyNames.joined(separator: "、"), "load": $0.load,
                 "selected": value("mediatorId") == String($0.id)]
            },
            "parties": (0..<MediationCaseInput.partyRows).map { row -> [String: Any] in
                let side = form?["party\(row)Side"] ?? (row == 0 ? "applicant" : "respondent")
                return ["row": row, "number": row + 1, "name": value("party\(row)Name"), "phone": value("party\(row)Phone"),
                        "applicant": side == "applicant", "organization": value("party\(row)Kind") == "organization"]
            },
            "referralKinds": MediationReferralKind.allCases.map {
                ["value": $0.rawValue, "label": "\($0.chineseName)(\($0.partnerName))", "selected": value("referralKind") == $0.rawValue]
            },
            "referralCounterpart": value("referralCounterpart"), "referralReference": value("referralReference"),
            "referralDate": value("referralDate"), "referralNote": value("referralNote"),
            "factsLimit": MediationOpeningSubmission.factsLimit,
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }

    /// `form` refills the conclusion form after its field errors; `party` refills the party form, whose
    /// `partyErrors` stand beside it.
    func mediation(_ number: String, caller: Caller, context: AppRequestContext, errors: [FieldError] = [],
                   saved: Bool = false, form: FormFields? = nil, partyErrors: [FieldError] = [],
                   party: FormFields? = nil) async throws -> Response {
        let mediations = MediationCases(platform: platform)
        let m = try await mediations.view(number: number, caller: caller)
        let outcome = try await MediationOutcomes(platform: platform).outcome(number: number, caller: caller)
        let staff = caller.staff
        let open = m.state == "open" || m.state == "inMediation"
        let suggestions = open ? try await mediations.suggestions(number: number, caller: caller) : []
        let now = platform.clock.now()
        return try views.page("mediation-case", [
            "saved": saved,
            "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "m": [
                "number": m.number, "stateName": m.stateName, "stateReason": m.stateReason as Any, "sourceName": m.sourceName,
                "specialtyName": m.specialtyName, "areaName": m.areaName ?? "", "areaCode": m.areaCode,
                "organizationName": m.organizationName ?? "", "mediatorName": m.mediatorName ?? "未指派",
                "facts": m.facts, "amountYuan": m.amountYuan, "openedBy": m.openedBy, "openedAt": Self.minute(m.openedAt),
                "nextSession": Self.minute(m.nextSession),
                "caseNumber": m.linkedCase.number, "caseStateName": m.linkedCase.stateName,
                "tierName": m.linkedCase.tierName ?? "", "attempts": m.linkedCase.attemptsAtTier ?? 0,
                "attemptLimit": m.linkedCase.attemptLimit ?? 0, "caseWaiting": m.linkedCase.state == "reported",
            ] as [String: Any],
            "open": open,
            "outcome": MediationOutcomePage.context(outcome, staff: staff, today: now, form: form),
            "mayMediate": open && staff.may(.mediate),
            "mayAssign": open && staff.may(.manageMediation),
            "mayWithdraw": open && (staff.may(.mediate) || staff.may(.manageMediation)),
            "mayAddParty": open && !staff.isMachine && (staff.may(.mediate) || staff.may(.manageMediation)),
            "partyErrors": partyErrors.map { ["field": $0.field, "message": $0.message] },
            "partyName": party?["name"] ?? "", "partyPhone": party?["phone"] ?? "",
            "partySides": MediationPartySide.allCases.map {
                ["value": $0.rawValue, "label": $0.chineseName, "selected": party?["side"] == $0.rawValue]
            },
            "partyKinds": MediationPartyKind.allCases.map {
                ["value": $0.rawValue, "label": $0.chineseName, "selected": party?["kind"] == $0.rawValue]
            },
            "parties": m.parties.map { ["sideName": $0.sideName, "kindName": $0.kindName, "name": $0.name, "phone": $0.phone ?? ""] },
            "sessions": m.sessions.map { s -> [String: Any] in
                ["number": s.number, "at": Self.minute(s.at), "place": s.place, "attendees": s.attendees, "notes": s.notes ?? "",
                 "outcomeName": s.outcomeName ?? "已预约", "planned": s.planned, "due": s.planned && s.at <= now,
                 "tierName": s.tierName ?? "", "attemptNumber": s.attemptNumber ?? 0, "escalated": s.escalated,
                 "recordedBy": s.recordedBy]
            },
            "outcomes": AttemptOutcome.allCases.map { ["value": $0.rawValue, "label": $0.chineseName] },
            "sessionAt": DeskPageContext.localMinute(now),
            "referrals": m.referrals.map { r -> [String: Any] in
                ["id": r.id, "directionName": r.directionName, "kindName": r.kindName, "partnerName": r.partnerName,
                 "counterpart": r.counterpart, "reference": r.reference ?? "", "note": r.note ?? "", "stateName": r.stateName,
                 "sentOn": r.sentOn, "reply": r.reply ?? "", "repliedOn": r.repliedOn ?? "", "finished": r.finished]
            },
            "referralKinds": MediationReferralKind.allCases.map { ["value": $0.rawValue, "label": "\($0.chineseName)(\($0.partnerName))"] },
            "referralActions": MediationReferralAction.allCases.map { ["value": $0.rawValue, "label": $0.chineseName] },
            "suggestions": suggestions.map { s -> [String: Any] in
                ["id": s.mediator.id, "name": s.mediator.name, "specialties": s.mediator.specialtyNames.joined(separator: "、"),
                 "languages": s.mediator.languageNames.joined(separator: "、"), "closenessName": s.closenessName,
                 "specialtyMatch": s.specialtyMatch, "load": s.load, "succeeded": s.mediator.succeeded,
                 "concluded": s.mediator.concluded, "current": s.mediator.id == m.mediatorId]
            },
        ], status: errors.isEmpty && partyErrors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }
}
