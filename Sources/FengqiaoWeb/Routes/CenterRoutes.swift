import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Setting up centres, their departments and rosters (JSON API for staff who may edit the map).
struct CenterRoutes {
    let platform: Platform

    struct CenterBody: Decodable {
        var name: String?
        var address: String?
        var hotline: String?
    }

    struct DepartmentBody: Decodable {
        var code: String?
        var name: String?
        var stationing: String?
    }

    struct RosterBody: Decodable {
        var usernames: [String]?
        var from: String?
        var through: String?
        var weekdaysOnly: Bool?
    }

    func add(to routes: inout RouteTable) {
        let administration = CenterAdministration(platform: platform)
        // The forms on an area's page: save the centre, add a department, plan a rotation.
        routes.post("/areas/{code}/center") { request, context in
            let code = try context.parameters.require("code")
            let form = try await request.formFields(context: context)
            let caller = try context.caller()
            switch form["action"] {
            case "department":
                _ = try await administration.addDepartment(
                    areaCode: code, code: form["code"] ?? "", name: form["name"] ?? "",
                    stationing: try Self.stationing(form["stationing"]), caller: caller)
            case "roster":
                guard let id = form["departmentId"].flatMap(Int64.init) else { throw DomainError.notFound(what: "部门") }
                _ = try await administration.planRotation(
                    departmentID: id, usernames: (form["usernames"] ?? "").split(whereSeparator: { ",，、 ".contains($0) }).map(String.init),
                    from: form["from"] ?? "", through: form["through"] ?? "", weekdaysOnly: form["weekdaysOnly"] == "on",
                    caller: caller)
            default:
                try await administration.saveCenter(areaCode: code, name: form["name"] ?? "", address: form["address"] ?? "",
                                                    hotline: form["hotline"] ?? "", caller: caller)
            }
            return .redirect(to: "/areas/\(code)", type: .normal)
        }
        routes.on("/api/v1/areas/{code}/center", method: .put) { request, context in
            let body = try await request.decodeJSON(as: CenterBody.self, context: context)
            try await administration.saveCenter(
                areaCode: try context.parameters.require("code"), name: body.name ?? "", address: body.address ?? "",
                hotline: body.hotline ?? "", caller: try context.caller())
            return Response(status: .noContent)
        }
        routes.post("/api/v1/areas/{code}/departments") { request, context in
            let body = try await request.decodeJSON(as: DepartmentBody.self, context: context)
            let id = try await administration.addDepartment(
                areaCode: try context.parameters.require("code"), code: body.code ?? "", name: body.name ?? "",
                stationing: try Self.stationing(body.stationing), caller: try context.caller())
            return try JSONResponse.encode(["id": id], status: .created)
        }
        routes.on("/api/v1/departments/{id}/stationing", method: .put) { request, context in
            let body = try await request.decodeJSON(as: DepartmentBody.self, context: context)
            try await administration.setStationing(departmentID: try Self.id(context), to: try Self.stationing(body.stationing),
                                                   caller: try context.caller())
            return Response(status: .noContent)
        }
        routes.post("/api/v1/departments/{id}/roster") { request, context in
            let body = try await request.decodeJSON(as: RosterBody.self, context: context)
            let roster = try await administration.planRotation(
                departmentID: try Self.id(context), usernames: body.usernames ?? [], from: body.from ?? "",
                through: body.through ?? "", weekdaysOnly: body.weekdaysOnly ?? false, caller: try context.caller())
            return try JSONResponse.encode(["entries": roster.entries.map { ["day": $0.day, "name": $0.member.name] }],
                                           status: .created)
        }
    }

    static func stationing(_ text: String?) throws(DomainError) -> Stationing {
        let text = text?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let value = Stationing(rawValue: text) ?? Stationing.allCases.first(where: { $0.chineseName == text }) else {
            throw .validation([FieldError(field: "stationing", code: "invalid_choice", message: "入驻方式应为 常驻、轮驻 或 随叫随驻")])
        }
        return value
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "部门") }
        return id
    }
}
