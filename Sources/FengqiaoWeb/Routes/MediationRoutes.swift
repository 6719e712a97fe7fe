import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The mediation registry's JSON API: organisations and mediators (list, add, change or retire with
/// `active: false`) and mediator suggestions for a dispute. The registry decides who may.
struct MediationRoutes {
    let platform: Platform

    struct OrganizationList: Encodable { var organizations: [MediationOrganizationView] }
    struct MediatorList: Encodable { var mediators: [MediatorView] }
    struct SuggestionList: Encodable {
        var suggestions: [MediatorSuggestion]
        /// What the load counts.
        var loadNote: String
    }

    func add(to routes: inout RouteTable) {
        let registry = MediationRegistry(platform: platform)
        routes.get("/api/v1/mediation/organizations") { _, context in
            try JSONResponse.encode(OrganizationList(organizations: try await registry.organizations(caller: try context.caller())))
        }
        routes.post("/api/v1/mediation/organizations") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            let submission = try await request.decodeJSON(as: MediationOrganizationSubmission.self, context: context)
            return try JSONResponse.encode(try await registry.createOrganization(submission, caller: caller), status: .created)
        }
        routes.post("/api/v1/mediation/organizations/{id}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该调解组织") }
            let submission = try await request.decodeJSON(as: MediationOrganizationSubmission.self, context: context)
            return try JSONResponse.encode(try await registry.updateOrganization(id: id, submission, caller: caller))
        }
        routes.get("/api/v1/mediation/mediators") { _, context in
            try JSONResponse.encode(MediatorList(mediators: try await registry.mediators(caller: try context.caller())))
        }
        routes.post("/api/v1/mediation/mediators") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            let submission = try await request.decodeJSON(as: MediatorSubmission.self, context: context)
            return try JSONResponse.encode(try await registry.createMediator(submission, caller: caller), status: .created)
        }
        routes.post("/api/v1/mediation/mediators/{id}") { request, context in
            let caller = try context.caller()
            try caller.staff.require(.manageMediation)
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该调解员") }
            let submission = try await request.decodeJSON(as: MediatorSubmission.self, context: context)
            return try JSONResponse.encode(try await registry.updateMediator(id: id, submission, caller: caller))
        }
        routes.get("/api/v1/mediation/suggestions") { request, context in
            let query = request.uri.queryParameters
            let suggestions = try await registry.suggestions(
                specialty: query["specialty"].map(String.init), area: query["area"].map(String.init),
                language: query["language"].map(String.init), caller: try context.caller())
            return try JSONResponse.encode(SuggestionList(
                suggestions: suggestions, loadNote: "在办案件数为调解员名下待调解、调解中的调解案件数"))
        }
    }
}
