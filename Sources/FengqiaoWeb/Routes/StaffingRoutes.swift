import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Grid posts: the staffing report of an area, and assigning or removing post holders (form and JSON).
struct StaffingRoutes {
    let platform: Platform
    let views: Views

    struct Assignment: Decodable {
        var post: String?
        var username: String?
    }

    func add(to routes: inout RouteTable) {
        let administration = GridPostAdministration(platform: platform)
        routes.get("/areas/{code}/staffing") { _, context in
            let report = try await administration.report(code: try context.parameters.require("code"), caller: try context.caller())
            return try views.page("staffing", StaffingPageContext.make(report), session: context.session)
        }
        routes.get("/api/v1/areas/{code}/staffing") { _, context in
            let report = try await administration.report(code: try context.parameters.require("code"), caller: try context.caller())
            return try JSONResponse.encode(StaffingJSON(report))
        }
        routes.post("/areas/{code}/posts") { request, context in
            let code = try context.parameters.require("code")
            let form = try await request.formFields(context: context)
            if form["action"] == "remove" {
                guard let id = form["accountId"].flatMap(Int64.init) else { throw DomainError.notFound(what: "该岗位人员") }
                try await administration.remove(try Self.post(form["post"]), gridCode: code, accountID: id, caller: try context.caller())
            } else {
                try await administration.assign(try Self.post(form["post"]), gridCode: code, username: form["username"] ?? "",
                                                caller: try context.caller())
            }
            return .redirect(to: "/areas/\(code)", type: .normal)
        }
        routes.post("/api/v1/grids/{code}/posts") { request, context in
            let body = try await request.decodeJSON(as: Assignment.self, context: context)
            let code = try context.parameters.require("code")
            try await administration.assign(try Self.post(body.post), gridCode: code, username: body.username ?? "",
                                            caller: try context.caller())
            return try JSONResponse.encode(AreaJSON.Grid(try await AreaBrowser(platform: platform).grid(code: code, caller: try context.caller())), status: .created)
        }
        routes.on("/api/v1/grids/{code}/posts/{post}/{accountId}", method: .delete) { _, context in
            let code = try context.parameters.require("code")
            guard let id = Int64(try context.parameters.require("accountId")) else { throw DomainError.notFound(what: "该岗位人员") }
            try await administration.remove(try Self.post(context.parameters.get("post")), gridCode: code, accountID: id,
                                            caller: try context.caller())
            return Response(status: .noContent)
        }
    }

    static func post(_ text: String?) throws(DomainError) -> GridPost {
        do { return try GridPost(parsing: text ?? "", field: "post") } catch { throw DomainError.validation([error]) }
    }
}
