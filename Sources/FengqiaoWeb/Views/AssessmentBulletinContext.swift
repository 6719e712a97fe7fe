import FengqiaoDomain
import FengqiaoServices
import Foundation

/// 月通报 (page and PDF) and 季排名: the period's headline figures, the rankings of townships, departments and grid
/// workers, and the laggards called in for a talk (约谈).
enum AssessmentBulletinContext {
    /// How many lines of a long county ranking a bulletin shows at each end.
    static let ends = 10
    /// Section numbers: 一、总体情况, 二、… .
    static let numerals = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func bulletin(_ b: AssessmentBulletin, areaName: String, atlas: AreaAtlas, printedAt: Date) -> [String: Any] {
        let month = b.period.kind == .month
        let title = month ? "\(b.period.label)考核通报" : "\(b.period.label)考核排名"
        return [
            "title": title, "periodLabel": b.period.label, "periodKey": b.period.key, "areaName": areaName,
            "month": month, "printedAt": AssessmentPageContext.minute(printedAt),
            "pdfHref": (month ? "/assessment/bulletins/\(b.period.key).pdf" : nil as String?) as Any,
            "xlsxHref": (month ? nil : "/assessment/rankings/\(b.period.key).xlsx") as Any,
            "headlines": b.headlines.map(headline),
            "sections": b.rankings.enumerated().map { n, ranking in
                var values = section(ranking, atlas: atlas, limit: month ? ends : nil)
                values["number"] = numerals[n + 2]
                return values
            },
            "laggardsNumber": numerals[b.rankings.count + 2],
            // By kind, names in a line as a printed notice lists them (a kind may call many in).
            "laggards": b.rankings.filter { $0.standings.contains(where: \.laggard) }.map { ranking -> [String: Any] in
                let called = ranking.standings.filter(\.laggard)
                return ["kindName": ranking.kind.chineseName, "count": called.count,
                        "names": called.map { "\($0.score.name)(\(AssessmentPageContext.points($0.score.total))分)" }
                            .joined(separator: "、")]
            },
            "highlights": highlights(b),
            "safetySurvey": safetySurvey(b),
        ]
    }

    static func headline(_ h: AssessmentBulletin.Headline) -> [String: Any] {
        [
            "kindName": h.kind.chineseName, "units": h.units, "laggards": h.laggards,
            "average": h.average.map(AssessmentPageContext.points) ?? "—",
            "highest": h.highest.map(AssessmentPageContext.points) ?? "—",
            "lowest": h.lowest.map(AssessmentPageContext.points) ?? "—",
        ]
    }

    static func section(_ r: AssessmentRanking, atlas: AreaAtlas, limit: Int?) -> [String: Any] {
        [
            "kindName": r.kind.chineseName, "kind": r.kind.rawValue, "scored": r.computedAt != nil,
            "templateName": r.template?.name as Any,
            "computedAt": r.computedAt.map(AssessmentPageContext.minute) as Any,
            "counties": AssessmentPageContext.counties(r.standings, period: r.period, atlas: atlas, limit: limit,
                                                       surveys: r.surveys),
            "surveyed": r.kind == .township,
        ]
    }

    /// 亮点加分与通报批评: the approved awards and standing deductions of the period's units.
    static func highlights(_ b: AssessmentBulletin) -> [[String: Any]] {
        b.highlights.map { h in
            let a = h.adjustment
            let points = AssessmentPageContext.points(a.points)
            let text = a.kind == .award ? "\(h.name)(\(h.unit.kind.chineseName)):亮点工作加 \(points) 分 —— \(a.reason)"
                : "\(h.name)(\(h.unit.kind.chineseName)):扣 \(points) 分 —— \(a.reason)"
            return ["text": text]
        }
    }

    /// 群众安全感满意度: each township's latest survey (begun before the period ended), as the ranking shows it.
    static func safetySurvey(_ b: AssessmentBulletin) -> [[String: Any]] {
        guard let townships = b.rankings.first(where: { $0.kind == .township }) else { return [] }
        return townships.standings.compactMap { standing in
            townships.surveys[standing.unit].map { s in
                ["text": "\(standing.score.name):安全感 \(s.figures.safety?.description ?? "—"),满意度 "
                    + "\(s.figures.satisfaction?.description ?? "—")(\(s.roundTitle),答复 \(s.figures.answered) 人)"]
            }
        }
    }
}
