import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The system admin's page of risk-warning rules per area (`/admin/risk-rules?area=`, `configureCases`): every rule's
/// switch, window and level marks, the 敏感词 lexicon and the 重点人员 tags; saving and resetting are audited.
struct RiskRuleRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let books = RiskRuleBooks(platform: platform)
        routes.get("/admin/risk-rules") { request, context in
            let query = FormFields(request.uri.query ?? "")
            let view = try await books.view(area: query["area"], caller: try context.caller())
            return try views.page("risk-rules", RiskRulePageContext.page(view, saved: query["saved"] != nil),
                                  session: context.session)
        }
        routes.post("/admin/risk-rules") { request, context in
            let caller = try context.caller()
            let form = try await request.formFields(context: context)
            let fields = Dictionary(RiskRulePageContext.fieldNames.map { ($0, form[$0] ?? "") }, uniquingKeysWith: { a, _ in a })
            do {
                let view = try await books.save(area: form["area"], fields: fields, caller: caller)
                return .redirect(to: "/admin/risk-rules?area=\(view.areaCode)&saved=1", type: .normal)
            } catch DomainError.validation(let errors) {
                var view = try await books.view(area: form["area"], caller: caller)
                view.fields = fields
                return try views.page("risk-rules", RiskRulePageContext.page(view, errors: errors),
                                      status: .unprocessableContent, session: context.session)
            }
        }
        routes.post("/admin/risk-rules/reset") { request, context in
            let form = try await request.formFields(context: context)
            let view = try await books.reset(area: form["area"], caller: try context.caller())
            return .redirect(to: "/admin/risk-rules?area=\(view.areaCode)&saved=1", type: .normal)
        }
    }
}
