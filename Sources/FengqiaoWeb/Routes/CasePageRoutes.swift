import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The staff case page `/cases/{number}`: details, parties (masked, with an audited reveal), map,
/// attachments, timeline, SLA bars, and one form per command the workflow allows the caller now, each
/// posting to `/cases/{number}/{command}` with the JSON API's field names. Field errors and the engine's
/// refusals re-render the page beside the form (422 / 409) keeping what was typed; success redirects
/// back (303) with a status line. Forms carry the CSRF token and work without script.
struct CasePageRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let engine = CaseEngine(platform: platform)
        let platform = platform
        let views = views
        @Sendable func render(
            _ number: String, caller: Caller, context: AppRequestContext, done: String? = nil,
            refused: CaseCommandForms.Refused? = nil, revealed: RevealedCaseContacts? = nil, unfolded: String? = nil,
            status: HTTPResponse.Status = .ok
        ) async throws -> Response {
            let page = try await engine.page(caseNumber: number, caller: caller)
            let values = CasePageContext.context(page, now: platform.clock.now(), done: done, refused: refused,
                                                   revealed: revealed, unfolded: unfolded)
            return try views.page("case", values, status: status, session: context.session)
        }
        routes.get("/cases/{number}") { request, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            return try await render(number, caller: caller, context: context,
                                    done: request.uri.queryParameters["done"].map(String.init),
                                    unfolded: request.uri.queryParameters["open"].map(String.init))
        }
        // Shows the full phones once; the service audits the reveal before answering.
        routes.post("/cases/{number}/reveal") { _, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            let revealed = try await engine.reveal(caseNumber: number, caller: caller)
            var response = try await render(number, caller: caller, context: context, revealed: revealed)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        for name in CaseCommand.Name.allCases where name != .archive {
            let kebab = CaseCommandRequest.kebab(name)
            routes.post(RouterPath("/cases/{number}/" + kebab)) { request, context in
                let caller = try context.caller()
                let number = try context.parameters.require("number")
                let form = try await request.formFields(context: context)
                do {
                    let body = try CaseCommandInput.body(form)
                    let expected = form["version"].flatMap { Int($0) }
                    _ = try await engine.perform(CaseCommandRequest(name: name, body: body), caseNumber: number,
                                                 expectedVersion: expected, caller: caller)
                } catch DomainError.validation(let errors) {
                    return try await render(number, caller: caller, context: context,
                                            refused: .init(name: name, form: form, errors: errors), status: .unprocessableContent)
                } catch DomainError.conflict(_, let message) {
                    return try await render(number, caller: caller, context: context,
                                            refused: .init(name: name, form: form, errors: [FieldError(field: "", code: "conflict", message: message)]),
                                            status: .conflict)
                }
                // The 待办 queue's one-click forms come back to the queue; nothing else is followed (no open redirect).
                if form["back"] == "todo" { return .redirect(to: "/todo?done=\(kebab)", type: .normal) }
                return .redirect(to: "/cases/\(number)?done=\(kebab)", type: .normal)
            }
        }
    }
}
