import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Residents (实有人口): list, search and register pages, and the JSON API. Identifiers are shown
/// masked; revealing them is a separate, audited request.
struct PeopleRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let registry = ResidentRegistry(platform: platform)
        routes.get("/people") { request, context in
            let caller = try context.caller()
            let query = request.uri.queryParameters
            let term = query["q"].map(String.init) ?? ""
            let area = query["area"].map(String.init)
            let page: PeoplePage
            if term.isEmpty {
                page = try await registry.page(areaCode: area, cursor: query["cursor"].map(String.init), caller: caller)
            } else {
                page = PeoplePage(people: try await registry.search(term, areaCode: area, caller: caller), next: nil)
            }
            return try views.page("people", [
                "q": term, "area": area ?? "", "people": page.people.map(Self.row), "next": page.next as Any,
                "mayEdit": caller.staff.may(.editBaseData), "mayExport": caller.staff.may(.exportData),
            ], session: context.session)
        }
        routes.get("/people/{id}") { _, context in
            let caller = try context.caller()
            let person = try await registry.person(id: try Self.id(context), caller: caller)
            return try views.page("person", [
                "person": Self.row(person), "mayReveal": caller.staff.may(.revealIdentifiers),
            ], session: context.session)
        }
        routes.post("/people/{id}/reveal") { _, context in
            let caller = try context.caller()
            let id = try Self.id(context)
            let revealed = try await registry.reveal(id: id, caller: caller)
            let person = try await registry.person(id: id, caller: caller)
            var response = try views.page("person", [
                "person": Self.row(person), "revealed": ["idNumber": revealed.idNumber, "phone": revealed.phone ?? "—"],
            ], session: context.session)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        routes.post("/people") { request, context in
            let form = try await request.formFields(context: context)
            let submission = ResidentSubmission(
                name: form["name"], idNumber: form["idNumber"], phone: form["phone"], gridCode: form["gridCode"],
                address: form["address"], relation: form["relation"],
                tags: (form["tags"] ?? "").split(whereSeparator: { ",，、 ".contains($0) }).map(String.init))
            let person = try await registry.register(submission, caller: try context.caller())
            return .redirect(to: "/people/\(person.id)", type: .normal)
        }
        routes.get("/api/v1/people") { request, context in
            let query = request.uri.queryParameters
            let caller = try context.caller()
            let area = query["area"].map(String.init)
            if let term = query["q"].map(String.init), !term.isEmpty {
                return try JSONResponse.encode(PeoplePage(people: try await registry.search(term, areaCode: area, caller: caller), next: nil))
            }
            let limit = query["limit"].flatMap { Int(String($0)) } ?? 50
            let cursor = try OpaqueCursor.unwrap(query["cursor"].map(String.init))
            let page = try await registry.page(areaCode: area, cursor: cursor, limit: limit, caller: caller)
            return try JSONResponse.encode(PeoplePage(people: page.people, next: OpaqueCursor.wrap(page.next)))
        }
        routes.post("/api/v1/people") { request, context in
            let submission = try await request.decodeJSON(as: ResidentSubmission.self, context: context)
            return try JSONResponse.encode(try await registry.register(submission, caller: try context.caller()), status: .created)
        }
        routes.get("/api/v1/people/{id}") { _, context in
            try JSONResponse.encode(try await registry.person(id: try Self.id(context), caller: try context.caller()))
        }
        routes.on("/api/v1/people/{id}", method: .put) { request, context in
            let submission = try await request.decodeJSON(as: ResidentSubmission.self, context: context)
            return try JSONResponse.encode(try await registry.update(id: try Self.id(context), with: submission,
                                                                     caller: try context.caller()))
        }
        routes.post("/api/v1/people/{id}/reveal") { _, context in
            var response = try JSONResponse.encode(try await registry.reveal(id: try Self.id(context), caller: try context.caller()))
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(what: "该人员") }
        return id
    }

    static func row(_ person: PersonView) -> [String: Any] {
        [
            "id": person.id, "name": person.name, "gender": person.gender == "male" ? "男" : "女",
            "birthYear": person.birthYear, "idNumber": person.idNumberMasked, "phone": person.phoneMasked ?? "",
            "gridCode": person.gridCode, "address": person.address, "relation": person.relation ?? "",
            "tags": person.tags.joined(separator: "、"),
        ]
    }
}
