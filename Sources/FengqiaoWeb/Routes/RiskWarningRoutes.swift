import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Risk warnings (风险预警): the `/warnings` list and each warning's page with its explanation, cases, history and
/// the lifecycle forms (指派, 开始处置, 办结); JSON twins under `/api/v1/warnings`.
struct RiskWarningRoutes {
    let platform: Platform
    let views: Views

    struct AssignBody: Decodable { var ownerId: Int64? }
    struct CloseBody: Decodable { var measures: String? }

    func add(to routes: inout RouteTable) {
        let warnings = RiskWarnings(platform: platform)
        routes.get("/api/v1/warnings") { request, context in
            try JSONResponse.encode(try await warnings.list(Self.filter(request), caller: try context.caller()))
        }
        routes.get("/api/v1/warnings/{number}") { _, context in
            let caller = try context.caller()
            return try JSONResponse.encode(try await warnings.view(try context.parameters.require("number"), caller: caller))
        }
        routes.post("/api/v1/warnings/{number}/assign") { request, context in
            let caller = try context.caller()
            let body = try await request.decodeJSON(as: AssignBody.self, context: context)
            guard let owner = body.ownerId else { throw DomainError.validation([.required("ownerId", label: "责任人")]) }
            return try JSONResponse.encode(try await warnings.perform(
                .assign(ownerId: owner), on: try context.parameters.require("number"), caller: caller))
        }
        routes.post("/api/v1/warnings/{number}/start") { _, context in
            let caller = try context.caller()
            return try JSONResponse.encode(try await warnings.perform(
                .startHandling, on: try context.parameters.require("number"), caller: caller))
        }
        routes.post("/api/v1/warnings/{number}/close") { request, context in
            let caller = try context.caller()
            let body = try await request.decodeJSON(as: CloseBody.self, context: context)
            return try JSONResponse.encode(try await warnings.perform(
                .close(measures: body.measures ?? ""), on: try context.parameters.require("number"), caller: caller))
        }
        routes.get("/warnings") { request, context in
            let caller = try context.caller()
            let filter = Self.filter(request)
            let page = try await warnings.list(filter, caller: caller)
            return try views.page("warnings", RiskWarningPageContext.list(page, filter: filter), session: context.session)
        }
        routes.get("/warnings/{number}") { _, context in
            let caller = try context.caller()
            let view = try await warnings.view(try context.parameters.require("number"), caller: caller)
            return try views.page("warning", RiskWarningPageContext.page(view), session: context.session)
        }
        for action in ["assign", "start", "close"] {
            routes.post("/warnings/{number}/\(action)") { request, context in
                let caller = try context.caller()
                let number = try context.parameters.require("number")
                let form = try await request.formFields(context: context)
                do {
                    guard let command = Self.command(action, form) else {
                        throw DomainError.validation([FieldError(field: "ownerId", code: "required", message: "请选择责任人")])
                    }
                    _ = try await warnings.perform(command, on: number, caller: caller)
                } catch let error as DomainError where ProblemMiddleware.wantsHTML(request) {
                    guard case .validation(let errors) = error else { throw error }
                    let view = try await warnings.view(number, caller: caller)
                    return try views.page("warning", RiskWarningPageContext.page(view, errors: errors, form: form),
                                          status: .unprocessableContent, session: context.session)
                }
                return .redirect(to: "/warnings/\(number)", type: .normal)
            }
        }
    }

    /// The command a form posts; nil for an assignment without an owner chosen.
    static func command(_ action: String, _ form: FormFields) -> RiskWarningCommand? {
        switch action {
        case "assign": Int64(form["ownerId"] ?? "").map { .assign(ownerId: $0) }
        case "start": .startHandling
        default: .close(measures: form["measures"] ?? "")
        }
    }

    static func filter(_ request: Request) -> RiskWarningFilter {
        let query = FormFields(request.uri.query ?? "")
        return RiskWarningFilter(state: query["state"], level: query["level"], rule: query["rule"], area: query["area"],
                                 before: query["before"])
    }
}
