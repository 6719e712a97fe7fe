import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// 考核模版 for assessors: `/admin/assessment-templates` lists the six (three kinds of unit × 月度/季度) and
/// `/admin/assessment-templates/{unitKind}/{periodKind}` edits one (`POST` saves it; field errors beside the fields,
/// keeping what was typed).
struct AssessmentTemplateRoutes {
    let platform: Platform
    let views: Views
    let assessments: Assessments

    func add(to routes: inout RouteTable) {
        let assessments = self.assessments, platform = self.platform
        routes.get("/admin/assessment-templates") { _, context in
            let caller = try context.caller()
            var rows: [[String: Any]] = []
            for kind in AssessedUnitKind.allCases {
                for periodKind in AssessmentPeriodKind.allCases {
                    let template = try await assessments.template(kind: kind.rawValue, periodKind: periodKind.rawValue,
                                                                  caller: caller)
                    rows.append([
                        "name": template.name, "kindName": kind.chineseName, "periodName": periodKind.chineseName,
                        "indicators": template.rules.map(\.indicator.chineseName).joined(separator: "、"),
                        "awardCap": AssessmentTemplate.points(template.awardCap),
                        "href": "/admin/assessment-templates/\(kind.rawValue)/\(periodKind.rawValue)",
                    ])
                }
            }
            return try views.page("assessment-templates", ["title": "考核模版", "templates": rows, "saved": false],
                                  session: context.session)
        }
        routes.get("/admin/assessment-templates/{unitKind}/{periodKind}") { request, context in
            let caller = try context.caller()
            let template = try await assessments.template(kind: try context.parameters.require("unitKind"),
                                                          periodKind: try context.parameters.require("periodKind"), caller: caller)
            let indicators = try await AssessmentIndicators(platform: platform).catalog().choosable(for: template.unitKind)
            var values = AssessmentTemplateInput.form(template, indicators: indicators, fields: nil, errors: [])
            values["saved"] = FormFields(request.uri.query ?? "")["saved"] != nil
            return try views.page("assessment-template", values, session: context.session)
        }
        routes.post("/admin/assessment-templates/{unitKind}/{periodKind}") { request, context in
            let caller = try context.caller()
            let current = try await assessments.template(kind: try context.parameters.require("unitKind"),
                                                         periodKind: try context.parameters.require("periodKind"), caller: caller)
            let fields = try await request.formFields(context: context)
            let indicators = try await AssessmentIndicators(platform: platform).catalog().choosable(for: current.unitKind)
            let input = AssessmentTemplateInput(unitKind: current.unitKind, periodKind: current.periodKind, indicators: indicators)
            var (template, errors) = input.template(fields)
            if errors.isEmpty {
                do {
                    try await assessments.saveTemplate(template, caller: caller)
                    return .redirect(to: "/admin/assessment-templates/\(current.unitKind.rawValue)/\(current.periodKind.rawValue)?saved=1",
                                     type: .normal)
                } catch DomainError.validation(let problems) {
                    errors = problems.map { AssessmentTemplateInput.rename($0, rules: template.rules) }
                }
            }
            guard ProblemMiddleware.wantsHTML(request) else { throw DomainError.validation(errors) }
            return try views.page("assessment-template", AssessmentTemplateInput.form(current, indicators: indicators, fields: fields, errors: errors),
                                  status: .unprocessableContent, session: context.session)
        }
    }
}
