import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 人工填报 for assessors: `/assessment/reported/{key}?period=&area=` shows a reported indicator's sheet for a month
/// or quarter, one row per unit of its kind in the area (default: the jurisdiction), and `POST` stores it: per unit
/// `n_<code>` (the count, or what met the rate), `d_<code>` (a rate's total) and `note_<code>`. A sheet with any
/// error stores nothing and comes back with the messages beside the rows and what was typed.
struct ReportedValueRoutes {
    let platform: Platform
    let views: Views
    let recompute: AssessmentRecompute

    func add(to routes: inout RouteTable) {
        let values = ReportedValues(platform: platform, recompute: recompute)
        routes.get("/assessment/reported/{key}") { request, context in
            let caller = try context.caller()
            let query = FormFields(request.uri.query ?? "")
            let sheet = try await values.sheet(key: try context.parameters.require("key"), periodKey: period(query["period"]),
                                               area: query["area"], caller: caller)
            return try await page(sheet, fields: nil, errors: [], saved: query["saved"], status: .ok, caller: caller,
                                  context: context)
        }
        routes.post("/assessment/reported/{key}") { request, context in
            let caller = try context.caller()
            let key = try context.parameters.require("key")
            let fields = try await request.formFields(context: context)
            let sheet = try await values.sheet(key: key, periodKey: period(fields["period"]), area: fields["area"], caller: caller)
            var inputs: [String: ReportedValueInput] = [:]
            for row in sheet.rows {
                let code = row.unit.unit.code
                guard fields["n_\(code)"] != nil || fields["d_\(code)"] != nil || fields["note_\(code)"] != nil else { continue }
                inputs[code] = ReportedValueInput(numerator: fields["n_\(code)"], denominator: fields["d_\(code)"],
                                                  note: fields["note_\(code)"])
            }
            do {
                let changed = try await values.record(key: key, periodKey: sheet.period.key, area: sheet.areaCode, inputs: inputs,
                                                      caller: caller)
                return .redirect(to: "/assessment/reported/\(key)?period=\(sheet.period.key)&area=\(sheet.areaCode)&saved=\(changed)",
                                 type: .normal)
            } catch DomainError.validation(let errors) {
                guard ProblemMiddleware.wantsHTML(request) else { throw DomainError.validation(errors) }
                return try await page(sheet, fields: fields, errors: errors, saved: nil, status: .unprocessableContent,
                                      caller: caller, context: context)
            }
        }

        /// The period asked for, else the last ended month.
        @Sendable func period(_ asked: String?) -> String {
            if let asked, !asked.isEmpty { return asked }
            return Assessments(platform: platform).lastEndedMonth()?.key ?? ""
        }
    }

    private func page(_ sheet: ReportedValueSheet, fields: FormFields?, errors: [FieldError], saved: String?,
                      status: HTTPResponse.Status, caller: Caller, context: AppRequestContext) async throws -> Response
    {
        let indicator = sheet.indicator, rate = indicator.isRate
        let atlas = try await platform.areaAtlas()
        var areas: [[String: Any]] = []
        var queue = [caller.staff.jurisdiction.root.rawValue]
        while let code = queue.popLast() {
            guard let node = atlas.node(code) else { continue }
            areas.append(["value": code, "name": node.name, "selected": code == sheet.areaCode])
            if node.level < .township { queue += atlas.children(of: code).map(\.code).reversed() }
        }
        var page: [String: Any] = [
            "title": "\(indicator.chineseName) · 人工填报", "name": indicator.chineseName, "key": indicator.key,
            "explanation": indicator.explanation ?? "", "rate": rate, "kindName": indicator.unitKinds.first?.chineseName ?? "",
            "direction": indicator.higherIsBetter ? "越高越好" : "越低越好", "periodKey": sheet.period.key,
            "periodLabel": sheet.period.label, "areaCode": sheet.areaCode, "truncated": sheet.truncated,
            "periods": ManualPointsPageContext.months(now: platform.clock.now(), chosen: sheet.period.key, quarters: true),
            "areas": areas, "saved": saved as Any, "errors": errors.map { ["message": $0.message] },
        ]
        page["rows"] = sheet.rows.map { row -> [String: Any] in
            let code = row.unit.unit.code, field = "values[\(code)]"
            let rowErrors = errors.filter { $0.field.hasPrefix(field + ".") }
            return [
                "code": code, "name": row.unit.name,
                "numerator": fields?["n_\(code)"] ?? row.value.map { String($0.numerator) } ?? "",
                "denominator": fields?["d_\(code)"] ?? row.value.flatMap(\.denominator).map(String.init) ?? "",
                "note": fields?["note_\(code)"] ?? row.note ?? "",
                "shown": row.value.map(AssessmentPageContext.value) ?? "未填报", "reported": row.value != nil,
                "entered": row.enteredBy.map { "\($0) \(AssessmentPageContext.minute(row.enteredAt ?? Date()))" } ?? "",
                "invalid": !rowErrors.isEmpty, "rowErrors": rowErrors.map { ["message": $0.message] },
            ]
        }
        return try views.page("assessment-reported", page, status: status, session: context.session)
    }
}
