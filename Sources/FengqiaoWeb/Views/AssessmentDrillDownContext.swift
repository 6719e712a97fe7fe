import FengqiaoDomain
import FengqiaoServices
import Foundation

/// `/assessment/units/{unit}/indicators/{indicator}`: what produced one indicator value — the cases with the event or
/// deadline that counted each (or a grid worker's days of field work) and the value they add up to again.
enum AssessmentDrillDownContext {
    /// What counted a case, in Chinese: the event, or the deadline that fell in the period.
    static func cause(_ cause: String) -> String {
        switch cause {
        case "reported": "上报"
        case "accepted": "立案"
        case "dispatched": "派遣"
        case "reassigned": "改派"
        case "signed_for": "签收"
        case "returned": "退回"
        case "return_upheld": "维持原派遣"
        case "extension_approved": "批准延期"
        case "feedback_given": "反馈办理结果"
        case "escalated": "升级"
        case "closed": "结案答复"
        case "revisited": "回访"
        case "supervised": "督办"
        case "whistled": "吹哨"
        case "checked_in": "报到"
        case "sign_for_due": "签收时限"
        case "handling_due": "办理时限"
        case "check_in_due": "报到时限"
        case "period_end": "期末未办结"
        case "mediation_concluded": "调解结案"
        default: cause
        }
    }

    /// How a case line counted: in the numerator (计入) or not (未达标; for 退单率, a dispatch not returned).
    static func outcome(_ c: AssessmentContribution, indicator: AssessmentIndicator) -> String {
        let text = c.hit ? "计入" : indicator == .returnRate ? "未退单" : "未达标"
        return indicator.isRate && !c.counted ? text + "(不计基数)" : text
    }

    static func context(_ d: AssessmentDrillDown) -> [String: Any] {
        let s = d.standing, i = d.indicator, indicator = i.rule.indicator
        let unit = s.unit.formValue
        let key = d.period.key
        let appeal = "/assessment/appeals/new?period=\(key)&unit=\(AssessmentPageContext.query(unit))&indicator=\(indicator.key)"
        let recounted = d.recounted
        return [
            "title": "\(s.score.name) · \(indicator.chineseName) · \(d.period.label)", "name": s.score.name,
            "indicatorName": indicator.chineseName, "periodLabel": d.period.label,
            "unitHref": "/assessment/units/\(unit)?period=\(key)",
            "back": "/assessment?period=\(key)&kind=\(s.unit.kind.rawValue)",
            "stored": AssessmentPageContext.value(i.value), "points": AssessmentPageContext.points(i.points),
            "weight": AssessmentPageContext.points(i.rule.weight), "waived": i.waived,
            "showEntries": indicator.source == .reported,
            "showFieldDays": indicator.source != .reported && s.unit.kind == .gridWorker,
            "showCases": indicator.source != .reported && s.unit.kind != .gridWorker,
            "source": AssessmentPageContext.source(indicator) as Any, "explanation": indicator.explanation as Any,
            "sheetHref": "/assessment/reported/\(indicator.key)?period=\(key)",
            "entries": d.entries.map { e -> [String: Any] in
                ["period": e.period.label, "value": AssessmentPageContext.value(e.value), "note": e.note ?? "",
                 "by": e.enteredBy, "at": AssessmentPageContext.minute(e.enteredAt)]
            },
            "recounted": AssessmentPageContext.value(recounted), "matches": recounted == i.value,
            "cases": d.cases.map { line -> [String: Any] in
                [
                    "number": line.caseNumber, "href": "/cases/\(AssessmentPageContext.query(line.caseNumber))",
                    "cause": cause(line.contribution.cause), "at": AssessmentPageContext.minute(line.contribution.at),
                    "outcome": outcome(line.contribution, indicator: indicator), "hit": line.contribution.hit,
                    "appealHref": appeal + "&case=\(line.caseId)",
                ]
            },
            "excluded": d.excludedCases.map { ["id": $0] },
            "fieldDays": d.fieldDays.map { ["day": $0.day, "patrols": $0.patrols, "visits": $0.visits] },
            "appealHref": appeal,
        ]
    }
}
