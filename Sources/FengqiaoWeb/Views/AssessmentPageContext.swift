import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The assessment pages' context (考核排名, a unit's score, an indicator's drill-down): numbers as people read them —
/// points without needless decimals, rates as a percentage with their n/d, changes as ↑2/↓1/—/新.
enum AssessmentPageContext {
    static func points(_ value: Double) -> String { AssessmentTemplate.points(value) }

    /// A measured value: `92.5%(37/40)`, `—(0/0)` when a rate has nothing to count from, `3` for a count.
    static func value(_ value: IndicatorValue) -> String {
        guard let denominator = value.denominator else { return String(value.numerator) }
        guard let share = value.value else { return "—(0/\(denominator))" }
        return percent(share) + "(\(value.numerator)/\(denominator))"
    }

    /// A rate's mark as a percentage (`95%`), a count's as a number.
    static func mark(_ value: Double, rate: Bool) -> String { rate ? percent(value) : points(value) }

    static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return (tenths.truncatingRemainder(dividingBy: 1) == 0 ? String(Int(tenths)) : String(format: "%.1f", tenths)) + "%"
    }

    /// The kinds of unit an indicator is measured for: `乡镇(街道)、职能部门`.
    static func kindNames(_ indicator: AssessmentIndicator) -> String {
        AssessedUnitKind.allCases.filter(indicator.unitKinds.contains).map(\.chineseName).joined(separator: "、")
    }

    /// Where an indicator the assessor defined takes its values from (nil for the twelve built in).
    static func source(_ indicator: AssessmentIndicator) -> String? {
        switch indicator.source {
        case .measured: nil
        case .reported: "人工填报"
        case .category(let base, let code, let name):
            "按类别统计:\(IndicatorSource.categoryLabel(code: code, name: name))的\(AssessmentIndicator.builtIn(base)?.chineseName ?? base)"
        }
    }

    static func minute(_ date: Date) -> String { DeskPageContext.minute(date) }


    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? value
    }

    /// The name of the county a ranking is placed in (scores name it by its 6 digits, the map by 12).
    static func countyName(_ code: String, atlas: AreaAtlas) -> String {
        (atlas.node(code) ?? atlas.node(code.padding(toLength: 12, withPad: "0", startingAt: 0)))?.name ?? code
    }

    /// One ranking line.
    static func row(_ s: AssessmentStanding, period: AssessmentPeriod, survey: SurveyStanding? = nil) -> [String: Any] {
        [
            "safety": survey?.figures.safety?.description ?? "—",
            "satisfaction": survey?.figures.satisfaction?.description ?? "—",
            "rank": s.rank, "ranked": s.ranked, "name": s.score.name,
            "href": "/assessment/units/\(s.unit.formValue)?period=\(period.key)",
            "total": points(s.score.total), "templatePoints": points(s.score.templatePoints),
            "awarded": points(s.score.awarded), "deducted": points(s.score.deducted),
            "rankChange": AssessmentBulletin.rankChange(s.rankChange), "totalChange": AssessmentBulletin.totalChange(s.totalChange),
            "laggard": s.laggard,
        ]
    }

    /// A ranking's lines by county (`limit`: the first and last `limit` of a long county, with the gap marked).
    /// Townships' rows carry their latest 安全感 and 满意度 from `surveys`.
    static func counties(
        _ standings: [AssessmentStanding], period: AssessmentPeriod, atlas: AreaAtlas, limit: Int? = nil,
        surveys: [AssessedUnit: SurveyStanding] = [:]
    ) -> [[String: Any]] {
        Dictionary(grouping: standings, by: \.countyCode).sorted { $0.key < $1.key }.map { county, group in
            var rows = group.map { row($0, period: period, survey: surveys[$0.unit]) }
            var omitted = 0
            if let limit, rows.count > 2 * limit {
                omitted = rows.count - 2 * limit
                rows = Array(rows.prefix(limit)) + [["gap": true, "omitted": omitted]] + Array(rows.suffix(limit))
            }
            return ["name": countyName(county, atlas: atlas), "code": county, "rows": rows]
        }
    }

    /// `/assessment`: the period picker, the kind tabs and the ranking.
    static func ranking(_ r: AssessmentRanking, periods: [AssessmentPeriod], atlas: AreaAtlas) -> [String: Any] {
        let key = r.period.key
        return [
            "title": "考核排名", "periodKey": key, "periodLabel": r.period.label, "kind": r.kind.rawValue,
            "kindName": r.kind.chineseName,
            "periods": periods.map { ["key": $0.key, "label": $0.label, "selected": $0.key == key] },
            "kinds": AssessedUnitKind.allCases.map {
                ["name": $0.chineseName, "href": "/assessment?period=\(key)&kind=\($0.rawValue)", "current": $0 == r.kind]
            },
            "scored": r.computedAt != nil,
            "computedAt": r.computedAt.map(minute) as Any, "computedBy": r.computedBy as Any,
            "templateName": r.template?.name as Any, "mayCompute": r.mayCompute,
            "counties": counties(r.standings, period: r.period, atlas: atlas, surveys: r.surveys),
            "surveyed": r.kind == .township,
            "bulletinHref": (r.period.kind == .month ? "/assessment/bulletins/\(key)" : nil) as Any,
            "rankingsHref": (r.period.kind == .quarter ? "/assessment/rankings/\(key)" : nil) as Any,
            "mayEditTemplates": r.mayCompute,
        ]
    }

    /// `/assessment/units/{unit}`: one unit's score, indicator by indicator.
    static func unit(_ s: AssessmentStanding, period: AssessmentPeriod) -> [String: Any] {
        let unit = s.unit.formValue
        let base = "/assessment/units/\(unit)"
        return [
            "title": "\(s.score.name) · \(period.label)考核", "name": s.score.name, "kindName": s.unit.kind.chineseName,
            "periodLabel": period.label, "periodKey": period.key,
            "back": "/assessment?period=\(period.key)&kind=\(s.unit.kind.rawValue)",
            "total": points(s.score.total), "templatePoints": points(s.score.templatePoints),
            "awarded": points(s.score.awarded), "deducted": points(s.score.deducted), "rank": s.rank, "ranked": s.ranked,
            "rankChange": AssessmentBulletin.rankChange(s.rankChange), "totalChange": AssessmentBulletin.totalChange(s.totalChange),
            "laggard": s.laggard,
            "indicators": s.score.indicators.map { i -> [String: Any] in
                let rate = i.rule.indicator.isRate, code = i.rule.indicator.key
                return [
                    "name": i.rule.indicator.chineseName, "value": value(i.value),
                    "target": mark(i.rule.target, rate: rate), "floor": mark(i.rule.floor, rate: rate),
                    "weight": points(i.rule.weight), "points": points(i.points), "waived": i.waived,
                    "unreported": i.unreported, "source": source(i.rule.indicator) as Any,
                    "href": "\(base)/indicators/\(code)?period=\(period.key)",
                    "appealHref": "/assessment/appeals/new?period=\(period.key)&unit=\(query(unit))&indicator=\(code)",
                ]
            },
        ]
    }
}
