import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 考核指标 for assessors: `/admin/assessment-indicators` lists the twelve built-in indicators and those defined here,
/// with the form that defines one (`POST`; field errors beside the fields, keeping what was typed) and each active
/// one's retire button (`POST …/{key}/retire`).
struct AssessmentIndicatorRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let indicators = AssessmentIndicators(platform: platform)
        routes.get("/admin/assessment-indicators") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.assess)
            let saved = FormFields(request.uri.query ?? "")["saved"]
            return try await page(fields: nil, errors: [], saved: saved, status: .ok, context: context)
        }
        routes.post("/admin/assessment-indicators") { request, context in
            let caller = try context.caller()
            let fields = try await request.formFields(context: context)
            do {
                let indicator = try await indicators.define(IndicatorSubmission(
                    name: fields["name"], unitKind: fields["unitKind"], source: fields["source"], shape: fields["shape"],
                    direction: fields["direction"], base: fields["base"], category: fields["category"],
                    explanation: fields["explanation"]), caller: caller)
                return .redirect(to: "/admin/assessment-indicators?saved=\(indicator.key)", type: .normal)
            } catch DomainError.validation(let errors) {
                guard ProblemMiddleware.wantsHTML(request) else { throw DomainError.validation(errors) }
                return try await page(fields: fields, errors: errors, saved: nil, status: .unprocessableContent, context: context)
            }
        }
        routes.post("/admin/assessment-indicators/{key}/retire") { _, context in
            let caller = try context.caller()
            try await indicators.retire(key: try context.parameters.require("key"), caller: caller)
            return .redirect(to: "/admin/assessment-indicators", type: .normal)
        }
    }

    private func page(fields: FormFields?, errors: [FieldError], saved: String?, status: HTTPResponse.Status,
                      context: AppRequestContext) async throws -> Response
    {
        let service = AssessmentIndicators(platform: platform)
        let catalog = try await service.catalog()
        var page = ManualPointsPageContext.errors(
            errors, fields: ["name", "unitKind", "source", "shape", "direction", "base", "category", "explanation"])
        page["title"] = "考核指标"
        page["saved"] = saved.flatMap(catalog.indicator).map(\.chineseName) as Any
        page["indicators"] = catalog.all.map { indicator -> [String: Any] in
            let active = !indicator.isDefined || catalog.activeKeys.contains(indicator.key)
            return [
                "key": indicator.key, "name": indicator.chineseName, "kinds": AssessmentPageContext.kindNames(indicator),
                "shape": indicator.isRate ? "比率" : "数量", "direction": indicator.higherIsBetter ? "越高越好" : "越低越好",
                "source": AssessmentPageContext.source(indicator) ?? "系统统计", "explanation": indicator.explanation ?? "",
                "defined": indicator.isDefined, "active": active, "mayRetire": indicator.isDefined && active,
                "sheetHref": (indicator.source == .reported && active ? "/assessment/reported/\(indicator.key)" : nil) as Any,
            ]
        }
        func options(_ choices: [(String, String)], _ field: String) -> [[String: Any]] {
            choices.map { ["value": $0.0, "name": $0.1, "selected": fields?[field] == $0.0] }
        }
        page["unitKinds"] = options(AssessedUnitKind.allCases.map { ($0.rawValue, $0.chineseName) }, "unitKind")
        page["sources"] = options([("reported", "人工填报:考核员逐个单位填写数值"), ("category", "按类别统计:某类事项的案件指标")], "source")
        page["shapes"] = options([("rate", "比率(达标数 / 总数)"), ("count", "数量")], "shape")
        page["directions"] = options([("higher", "越高越好"), ("lower", "越低越好")], "direction")
        page["bases"] = options(AssessmentIndicator.categoryBases.map {
            ($0.key, "\($0.chineseName)(\(AssessmentPageContext.kindNames($0)))")
        }, "base")
        page["categories"] = options(try await service.categories().map {
            ($0.code, IndicatorSource.categoryLabel(code: $0.code, name: $0.name))
        }, "category")
        page["name"] = fields?["name"] ?? ""
        page["explanation"] = fields?["explanation"] ?? ""
        return try views.page("assessment-indicators", page, status: status, session: context.session)
    }
}
