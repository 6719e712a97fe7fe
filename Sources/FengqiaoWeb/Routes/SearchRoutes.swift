import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The global search (`GET /search?q=`, and its JSON twin `GET /api/v1/search?q=`): cases by number,
/// tracking code or text; a mediation by number; people, organisations and places by name or address —
/// each section only for who may see it, inside the caller's jurisdiction. Without `q` the page shows
/// the empty form; an empty or too long `q` is a field error (400).
struct SearchRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let search = GlobalSearch(platform: platform)
        routes.get("/search") { request, context in
            let caller = try context.caller()
            guard GlobalSearch.offered(to: caller.staff) else { throw DomainError.forbidden(permission: .viewCases) }
            let q = request.uri.queryParameters["q"].map(String.init)
            var page: [String: Any] = ["q": q ?? "", "searched": q != nil]
            if q != nil {
                let result = try await search.search(q, caller: caller)
                page["q"] = result.term
                page.merge(Self.context(result)) { _, new in new }
            }
            return try views.page("search", page, session: context.session)
        }
        routes.get("/api/v1/search") { request, context in
            try JSONResponse.encode(try await search.search(request.uri.queryParameters["q"].map(String.init),
                                                            caller: try context.caller()))
        }
    }

    static func context(_ result: GlobalSearchResult) -> [String: Any] {
        var page: [String: Any] = [:]
        if let cases = result.cases {
            page["caseSection"] = true
            page["cases"] = cases.map {
                ["number": $0.number, "stateName": $0.stateName, "kindName": $0.kindName, "category": $0.category,
                 "address": $0.address as Any, "snippet": $0.snippet, "byNumber": $0.matched != "text",
                 "reported": DeskPageContext.minute($0.reportedAt)]
            }
        }
        if let mediations = result.mediations {
            page["mediationSection"] = true
            page["mediations"] = mediations.map {
                ["number": $0.number, "stateName": $0.stateName, "organizationName": $0.organizationName as Any,
                 "areaName": $0.areaName as Any]
            }
        }
        if let people = result.people, let organizations = result.organizations, let places = result.places {
            page["baseDataSection"] = true
            page["people"] = people.map(PeopleRoutes.row)
            page["organizations"] = organizations.map {
                ["name": $0.name, "kind": $0.kind, "creditCode": $0.creditCode, "gridCode": $0.gridCode, "address": $0.address]
            }
            page["places"] = places.map {
                ["name": $0.name, "kind": $0.kind, "gridCode": $0.gridCode, "address": $0.address]
            }
        }
        return page
    }
}
