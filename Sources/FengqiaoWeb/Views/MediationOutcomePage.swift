import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The outcome section of the mediation page (`mediation-outcome` partial): the conclusion form while
/// the mediation is open, then the conclusion, the agreement with its PDF, the signed copy, the
/// performance follow-up, the judicial-confirmation window, the hand-off and the ruling, each with its
/// form for those who mediate. `form` refills the conclusion form after a field error.
enum MediationOutcomePage {
    static func context(_ o: MediationOutcomeView, staff: Staff, today: Date, form: FormFields?) -> [String: Any] {
        let open = MediationCaseState(rawValue: o.state)?.isOpen ?? false
        let mayMediate = !staff.isMachine && staff.may(.mediate)
        let value = { (name: String) in form?[name] ?? "" }
        var context: [String: Any] = [
            "number": o.number, "caseNumber": o.caseNumber,
            "mayConclude": open && mayMediate,
            "today": ChinaTime.dayString(today),
            "outcomes": MediationOutcome.allCases.map {
                ["value": $0.rawValue, "label": $0.chineseName, "checked": value("outcome") == $0.rawValue]
            },
            "facts": value("facts"), "performanceDeadline": value("performanceDeadline"), "note": value("note"),
            "methods": PerformanceMethod.allCases.map {
                ["value": $0.rawValue, "label": $0.chineseName,
                 "selected": value("performanceMethod") == $0.rawValue || (form == nil && $0 == .byDeadline)]
            },
            "routes": MediationFailureRoute.allCases.map {
                ["value": $0.rawValue, "label": $0.chineseName, "selected": value("route") == $0.rawValue]
            },
            "termRows": (0..<MediationOutcomeInput.termRows).map { row -> [String: Any] in
                let obligor = form?["term\(row)Obligor"] ?? MediationPartySide.respondent.rawValue
                return ["row": row, "number": row + 1, "content": value("term\(row)Content"),
                        "amount": value("term\(row)Amount"), "dueOn": value("term\(row)DueOn"),
                        "applicant": obligor == MediationPartySide.applicant.rawValue]
            },
            "performances": AgreementPerformance.allCases.filter { $0 != .pending }.map {
                ["value": $0.rawValue, "label": $0.chineseName]
            },
        ]
        if let c = o.conclusion {
            context["conclusion"] = [
                "outcomeName": c.outcomeName, "routeName": c.routeName as Any, "note": c.note as Any,
                "concludedBy": c.concludedBy, "concludedAt": MediationCasePages.minute(c.concludedAt),
                "caseStateName": o.caseStateName, "caseTierName": o.caseTierName ?? "",
            ] as [String: Any]
        }
        if let a = o.agreement {
            let signed = a.signedOn != nil
            let requested = a.confirmation != JudicialConfirmationState.notRequested.rawValue
            let windowOpen = a.window?.open ?? false
            context["agreement"] = [
                "documentNumber": a.documentNumber, "facts": a.facts,
                "terms": a.terms.map { t -> [String: Any] in
                    ["obligorName": t.obligorName, "content": t.content, "amountYuan": t.amountYuan ?? "",
                     "dueOn": t.dueOn ?? ""]
                },
                "totalYuan": a.totalYuan, "methodName": a.performanceMethodName, "deadline": a.performanceDeadline,
                "concludedOn": a.concludedOn, "signed": signed, "signedOn": a.signedOn as Any,
                "signedAttachmentId": a.signedAttachmentId as Any,
                "mayUpload": mayMediate && !signed,
                "performanceName": a.performanceName, "performanceNote": a.performanceNote as Any,
                "performanceRecordedOn": a.performanceRecordedOn as Any, "mayRecordPerformance": mayMediate,
                "window": a.window.map { w -> [String: Any] in
                    ["effectiveOn": w.effectiveOn, "lastDay": w.lastDay, "open": w.open, "daysLeft": w.daysLeft ?? 0]
                } as Any,
                "confirmationName": a.confirmationName, "court": a.court as Any, "handedOn": a.handedOn as Any,
                "ruledOn": a.ruledOn as Any, "confirmationNote": a.confirmationNote as Any,
                "mayHandOff": mayMediate && signed && !requested && windowOpen,
                "mayRule": mayMediate && a.confirmation == JudicialConfirmationState.handedOff.rawValue,
                "packageAvailable": signed && (requested || windowOpen),
            ] as [String: Any]
        }
        return context
    }
}
