import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 信访调解统计: `/figures` (an area's table for a period, each child area opening its own table, each
/// number the list behind it at `/figures/items`) and their JSON twins under `/api/v1/figures`.
struct FigureRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let figures = CentreFigures(platform: platform)
        routes.get("/api/v1/figures") { request, context in
            let query = FormFields(request.uri.query ?? "")
            return try JSONResponse.encode(try await figures.table(
                area: query["area"], from: query["from"], to: query["to"], caller: try context.caller()))
        }
        routes.get("/api/v1/figures/items") { request, context in
            let query = FormFields(request.uri.query ?? "")
            return try JSONResponse.encode(try await figures.items(
                figure: query["figure"], area: query["area"], from: query["from"], to: query["to"], caller: try context.caller()))
        }
        routes.get("/figures") { request, context in
            let query = FormFields(request.uri.query ?? "")
            let table = try await figures.table(area: query["area"], from: query["from"], to: query["to"], caller: try context.caller())
            return try views.page("figures", Self.context(table, today: CivilDate(containing: platform.clock.now())),
                                  session: context.session)
        }
        routes.get("/figures/items") { request, context in
            let query = FormFields(request.uri.query ?? "")
            let list = try await figures.items(figure: query["figure"], area: query["area"], from: query["from"],
                                               to: query["to"], caller: try context.caller())
            return try views.page("figure-items", Self.context(list), session: context.session)
        }
    }

    /// The columns of the table, in the order the centres report them.
    static let petitionColumns: [CentreFigure] = [
        .petitionBatches, .petitionPersons, .petitioners, .visitBatches, .visitPersons, .collectiveVisits, .repeatPetitions,
        .acceptedPetitions,
    ]
    static let mediationColumns: [CentreFigure] = [.mediationsReceived, .mediationsSucceeded, .mediationsPartial, .mediationsFailed]

    static func query(area: String, period: ReportingPeriod) -> String {
        "area=\(area)&from=\(period.first)&to=\(period.last)"
    }

    static func context(_ table: FigureTable, today: CivilDate) -> [String: Any] {
        let period = table.period
        func cells(_ row: FigureRow, area: String) -> [String: Any] {
            let base = query(area: area, period: period)
            func cell(_ figure: CentreFigure) -> [String: Any] {
                let value = row.value(figure)
                return ["value": figure == .mediationAmount ? MoneyText.yuan(value) : String(value),
                        "link": "/figures/items?figure=\(figure.rawValue)&\(base)", "zero": value == 0]
            }
            return [
                "petitions": petitionColumns.map(cell),
                "mediations": table.includesMediations ? mediationColumns.map(cell) : [],
                "rate": row.successPerMille.map { "\($0 / 10).\($0 % 10)%" } ?? "—",
                "amount": table.includesMediations ? [cell(.mediationAmount)] : [],
            ]
        }
        let monthStart = CivilDate(year: today.year, month: today.month, day: 1) ?? today
        let lastMonthEnd = monthStart.adding(days: -1)
        let lastMonthStart = CivilDate(year: lastMonthEnd.year, month: lastMonthEnd.month, day: 1) ?? lastMonthEnd
        let yearStart = CivilDate(year: today.year, month: 1, day: 1) ?? today
        let presets: [(String, CivilDate, CivilDate)] = [
            ("本月", monthStart, today), ("上月", lastMonthStart, lastMonthEnd), ("本年", yearStart, today),
        ]
        return [
            "areaCode": table.areaCode, "areaName": table.areaName, "periodName": period.chineseName,
            "from": period.first.description, "to": period.last.description,
            "up": table.parentCode.map { "/figures?" + query(area: $0, period: period) } as Any,
            "presets": presets.map { name, first, last in
                ["name": name, "link": "/figures?area=\(table.areaCode)&from=\(first)&to=\(last)",
                 "current": first == period.first && last == period.last]
            },
            "petitionHeads": petitionColumns.map(\.chineseName),
            "mediationHeads": table.includesMediations ? mediationColumns.map(\.chineseName) : [],
            "withMediations": table.includesMediations,
            "total": cells(table.total, area: table.areaCode),
            "rows": table.rows.map { row in
                cells(row.figures, area: row.areaCode).merging([
                    "name": row.areaName,
                    "link": row.drillable ? "/figures?" + query(area: row.areaCode, period: period) : nil as String? as Any,
                ]) { a, _ in a }
            },
        ]
    }

    static func context(_ list: FigureItems) -> [String: Any] {
        [
            "figureName": list.figureName, "areaName": list.areaName, "periodName": list.period.chineseName,
            "back": "/figures?" + query(area: list.areaCode, period: list.period),
            "petitions": list.figure.isPetition, "truncated": list.truncated, "limit": CentreFigures.itemLimit,
            "count": list.items.count,
            "items": list.items.map { item in
                [
                    "link": item.link, "number": item.number, "at": TokenRoutes.time(item.at),
                    "area": item.areaName ?? item.areaCode, "state": item.stateName, "summary": item.summary,
                    "persons": item.persons, "amount": MoneyText.yuan(item.amountFen),
                ] as [String: Any]
            },
        ]
    }
}
