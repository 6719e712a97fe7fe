import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The case category tree: JSON for staff who see or configure cases, and the administrators' page
/// (`configureCases`) to add, rename, reorder, deactivate and reactivate categories.
struct CaseCategoryRoutes {
    let platform: Platform
    let views: Views

    struct AddBody: Decodable {
        var kind: String?
        var name: String?
    }

    struct ChangeBody: Decodable {
        var name: String?
        var active: Bool?
        var position: Int?
    }

    func add(to routes: inout RouteTable) {
        let categories = CaseCategories(platform: platform)
        routes.get("/api/v1/case-categories") { _, context in
            try JSONResponse.encode(try await categories.tree(caller: try context.caller()))
        }
        routes.post("/api/v1/case-categories") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let body = try await request.decodeJSON(as: AddBody.self, context: context)
            let category = try await categories.add(kind: body.kind ?? "", name: body.name ?? "", by: caller)
            return try JSONResponse.encode(category, status: .created)
        }
        for method in [HTTPRequest.Method.patch, .put] {
            routes.on("/api/v1/case-categories/{category}", method: method) { request, context in
                let caller = try context.caller()
                try caller.staff.require(.configureCases)
                let body = try await request.decodeJSON(as: ChangeBody.self, context: context)
                let category = try await categories.update(
                    code: try context.parameters.require("category"),
                    CaseCategoryChange(name: body.name, active: body.active, position: body.position), by: caller)
                return try JSONResponse.encode(category)
            }
        }
        routes.get("/admin/case-categories") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            return try await page(categories, caller: caller, context: context,
                                  saved: request.uri.queryParameters["saved"] != nil)
        }
        routes.post("/admin/case-categories") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let form = try await request.formFields(context: context)
            do {
                try await categories.add(kind: form["kind"] ?? "", name: form["name"] ?? "", by: caller)
            } catch DomainError.validation(let errors) {
                return try await page(categories, caller: caller, context: context, errors: errors,
                                      attempt: (form["kind"] ?? "", form["name"] ?? ""))
            }
            return .redirect(to: "/admin/case-categories?saved=1", type: .normal)
        }
        routes.post("/admin/case-categories/{category}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.configureCases)
            let code = try context.parameters.require("category")
            let form = try await request.formFields(context: context)
            let change: CaseCategoryChange
            switch form["action"] {
            case "rename": change = CaseCategoryChange(name: form["name"] ?? "")
            case "deactivate": change = CaseCategoryChange(active: false)
            case "activate": change = CaseCategoryChange(active: true)
            case "move":
                guard let position = form["position"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                    return try await page(categories, caller: caller, context: context, errors: [
                        FieldError(field: "position", code: "invalid_format", message: "顺序须为整数"),
                    ])
                }
                change = CaseCategoryChange(position: position)
            default:
                throw DomainError.validation([
                    FieldError(field: "action", code: "invalid_choice", message: "操作应为改名、停用、启用或调整顺序"),
                ])
            }
            do {
                try await categories.update(code: code, change, by: caller)
            } catch DomainError.validation(let errors) {
                return try await page(categories, caller: caller, context: context, errors: errors)
            }
            return .redirect(to: "/admin/case-categories?saved=1", type: .normal)
        }
    }

    private func page(
        _ categories: CaseCategories, caller: Caller, context: AppRequestContext, errors: [FieldError] = [],
        attempt: (kind: String, name: String)? = nil, saved: Bool = false
    ) async throws -> Response {
        let tree = try await categories.tree(caller: caller)
        return try views.page("case-categories", [
            "saved": saved,
            "errors": errors.map { ["message": $0.message] },
            "kinds": tree.kinds.map { branch -> [String: Any] in
                [
                    "kind": branch.kind.rawValue, "name": branch.name,
                    "activeCount": branch.categories.filter(\.active).count, "count": branch.categories.count,
                    "newName": attempt?.kind == branch.kind.rawValue ? attempt?.name ?? "" : "",
                    "categories": branch.categories.map { category -> [String: Any] in
                        [
                            "code": category.code, "name": category.name, "active": category.active,
                            "position": category.position, "count": branch.categories.count,
                        ]
                    },
                ]
            },
            "maxLength": 20,
        ], status: errors.isEmpty ? .ok : .unprocessableContent, session: context.session)
    }
}
