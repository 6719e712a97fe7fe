import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Organisations: the JSON API (register, read, search).
struct OrganizationRoutes {
    let platform: Platform

    func add(to routes: inout RouteTable) {
        let registry = OrganizationRegistry(platform: platform)
        routes.post("/api/v1/organizations") { request, context in
            let submission = try await request.decodeJSON(as: OrganizationSubmission.self, context: context)
            return try JSONResponse.encode(try await registry.register(submission, caller: try context.caller()), status: .created)
        }
        routes.get("/api/v1/organizations") { request, context in
            let term = request.uri.queryParameters["q"].map(String.init) ?? ""
            return try JSONResponse.encode(["organizations": try await registry.search(term, caller: try context.caller())])
        }
        routes.get("/api/v1/organizations/{id}") { _, context in
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该组织") }
            return try JSONResponse.encode(try await registry.organization(id: id, caller: try context.caller()))
        }
    }
}
