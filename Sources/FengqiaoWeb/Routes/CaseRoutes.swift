import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// `/api/v1/cases`: staff register cases, read them and move them through the workflow, one
/// `POST /api/v1/cases/{number}/{command}` per command. Answers carry the case's version as `ETag`.
struct CaseRoutes {
    let platform: Platform

    func add(to routes: inout RouteTable) {
        let engine = CaseEngine(platform: platform)
        routes.post("/api/v1/cases") { request, context in
            let opening = try await request.decodeJSON(as: CaseOpening.self, context: context)
            let view = try await engine.open(
                opening, idempotencyKey: CaseCommandInput.idempotencyKey(request.headers), caller: try context.caller())
            return try Self.answer(view, status: .created)
        }
        let worklists = CaseWorklists(platform: platform)
        // The worklists; `counts` (and `ladder` below) are constant components, which the router prefers
        // to `{number}`.
        routes.get("/api/v1/cases") { request, context in
            let caller = try context.caller()
            let query = request.uri.queryParameters
            let text = { (name: String) in query[name[...]].map(String.init) }
            let list = try CaseWorklist.named(text("list"))
            let limitText = text("limit") ?? ""
            let limit = limitText.isEmpty ? 50 : Int(limitText) ?? 0
            let filter = CaseListQuery.filter(text)
            var page = try await worklists.page(
                list, filter: filter, cursor: try OpaqueCursor.unwrap(text("cursor")), limit: limit, caller: caller)
            page.next = OpaqueCursor.wrap(page.next)
            return try JSONResponse.encode(page)
        }
        routes.get("/api/v1/cases/counts") { _, context in
            try JSONResponse.encode(try await worklists.counts(caller: try context.caller()))
        }
        // The mediation ladder: the share resolved at or below each tier (`from`, `to`, optional `area`).
        let ladder = CaseLadder(platform: platform)
        routes.get("/api/v1/cases/ladder") { request, context in
            let query = request.uri.queryParameters
            let text = { (name: String) in query[name[...]].map(String.init) }
            return try JSONResponse.encode(try await ladder.report(
                from: text("from"), to: text("to"), areaCode: text("area"), caller: try context.caller()))
        }
        routes.get("/api/v1/cases/{number}") { _, context in
            let number = try context.parameters.require("number")
            return try Self.answer(try await engine.view(caseNumber: number, caller: try context.caller()))
        }
        for name in CaseCommand.Name.allCases where name != .archive {
            let path = "/api/v1/cases/{number}/" + CaseCommandRequest.kebab(name)
            routes.post(RouterPath(path)) { request, context in
                let caller = try context.caller()
                let number = try context.parameters.require("number")
                let input = try await CaseCommandInput.read(request, context: context)
                let view = try await engine.perform(
                    CaseCommandRequest(name: name, body: input.body), caseNumber: number,
                    expectedVersion: input.expectedVersion, idempotencyKey: input.idempotencyKey, caller: caller)
                return try Self.answer(view)
            }
        }
    }

    static func answer(_ view: CaseView, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try JSONResponse.encode(view, status: status)
        response.headers[.eTag] = "\"\(view.version)\""
        return response
    }
}
