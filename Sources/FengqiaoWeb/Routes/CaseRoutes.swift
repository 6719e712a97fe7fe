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
