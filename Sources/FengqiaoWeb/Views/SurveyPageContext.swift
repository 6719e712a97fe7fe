import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The template contexts of the survey pages: the rounds, a round's figures and the call list.
enum SurveyPageContext {
    /// The new-round form as an assessor sees it (refilled after a field error).
    struct Form {
        var fields: FormFields?
        var errors: [FieldError]
        var areas: [(code: String, name: String)]
        var year: Int
        var period: Int
    }

    static func time(_ ms: Int64) -> String { TokenRoutes.time(Date(millisecondsSince1970: ms)) }

    static func errorContext(_ errors: [FieldError], into context: inout [String: Any]) {
        context["hasErrors"] = !errors.isEmpty
        context["errors"] = errors.map { ["field": $0.field, "message": $0.message] }
        for error in errors { context[error.field + "Error"] = error.message }
    }

    static func list(_ rounds: [SurveyRoundSummary], form: Form?) -> [String: Any] {
        var context: [String: Any] = [
            "rounds": rounds.map { round in
                ["id": round.id, "title": round.title, "area": round.areaName, "period": round.periodLabel,
                 "months": round.months, "source": round.source.chineseName, "sampled": round.sampled,
                 "createdAt": time(round.createdAt)] as [String: Any]
            },
            "hasRounds": !rounds.isEmpty,
        ]
        guard let form else { return context }
        let f = form.fields
        let area = f?["areaCode"] ?? form.areas.first?.code ?? ""
        let period = f?["period"] ?? String(form.period)
        let source = f?["source"] ?? SurveySampleSource.closedCases.rawValue
        context["form"] = [
            "areas": form.areas.map { ["value": $0.code, "name": $0.name, "selected": $0.code == area] },
            "year": f?["year"] ?? String(form.year),
            "periods": (1...6).map { n in
                ["value": String(n), "name": "第\(n)期(\(n * 2 - 1)—\(n * 2)月)", "selected": String(n) == period]
            },
            "sources": SurveySampleSource.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "selected": $0.rawValue == source]
            },
            "perTownship": f?["perTownship"] ?? "30", "title": f?["title"] ?? "",
        ] as [String: Any]
        errorContext(form.errors, into: &context)
        return context
    }

    static func rate(_ rate: SurveyRate?) -> String { rate?.description ?? "—" }

    static func row(_ row: SurveyFigureRow, name: String) -> [String: Any] {
        ["name": name, "sampled": row.sampled, "reached": row.reached, "answered": row.answered, "pending": row.pending,
         "responseRate": rate(row.responseRate), "safety": rate(row.safety), "satisfaction": rate(row.satisfaction)]
    }

    static func summary(_ round: SurveyRoundSummary) -> [String: Any] {
        ["id": round.id, "title": round.title, "area": round.areaName, "period": round.periodLabel, "months": round.months,
         "startsOn": round.startsOn, "endsOn": round.endsOn, "source": round.source.chineseName,
         "perTownship": round.perTownship, "sampled": round.sampled, "seed": round.seed, "createdAt": time(round.createdAt)]
    }

    static func round(_ view: SurveyRoundView) -> [String: Any] {
        [
            "round": summary(view.round),
            "rows": view.figures.townships.map { row($0, name: view.townshipNames[$0.township?.code ?? ""] ?? "") },
            "total": row(view.figures.total, name: view.wholeArea ? view.round.areaName + "合计" : "您辖区合计"),
            "comments": view.comments.map { c in
                ["township": c.township, "safety": c.safety?.chineseName ?? "", "satisfaction": c.satisfaction?.chineseName ?? "",
                 "text": c.text, "at": time(c.calledAt)] as [String: Any]
            },
            "hasComments": !view.comments.isEmpty, "mayCall": view.mayCall,
        ]
    }

    static func calls(
        _ list: SurveyCallList, revealed: (item: Int64, phone: String)? = nil, errors: [FieldError] = [],
        fields: FormFields? = nil
    ) -> [String: Any] {
        func item(_ i: SurveyCallItem) -> [String: Any] {
            ["id": i.id, "township": i.township, "subject": i.subject, "phone": i.maskedPhone, "status": i.status.chineseName,
             "attempts": i.attempts, "pending": i.status == .pending]
        }
        var context: [String: Any] = [
            "round": summary(list.round), "items": list.items.map(item),
            "progress": row(list.progress, name: "合计"),
        ]
        if let next = list.next {
            var current = item(next)
            if let revealed, revealed.item == next.id { current["fullPhone"] = revealed.phone }
            let outcome = fields?["outcome"] ?? "answered"
            current["outcomes"] = [("answered", "接通并完成访问"), ("not_reached", "未接通(无人接听、占线、关机)"),
                                   ("refused", "拒绝访问")].map { ["value": $0.0, "name": $0.1, "checked": $0.0 == outcome] }
            current["safeties"] = SafetyAnswer.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "checked": $0.rawValue == fields?["safety"]]
            }
            current["satisfactions"] = SatisfactionAnswer.allCases.map {
                ["value": $0.rawValue, "name": $0.chineseName, "checked": $0.rawValue == fields?["satisfaction"]]
            }
            current["comment"] = fields?["comment"] ?? ""
            current["attemptsLeft"] = SurveyCallOutcome.maxAttempts - next.attempts
            context["next"] = current
        }
        errorContext(errors, into: &context)
        return context
    }
}
