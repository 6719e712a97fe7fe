import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// One search box for the base data: people, organisations and places by name or address, inside the
/// caller's jurisdiction.
struct SearchRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        routes.get("/search") { request, context in
            let caller = try context.caller()
            let term = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            var page: [String: Any] = ["q": term, "searched": !term.isEmpty]
            if !term.isEmpty {
                let people = try await ResidentRegistry(platform: platform).search(term, limit: 20, caller: caller)
                let organizations = try await OrganizationRegistry(platform: platform).search(term, limit: 20, caller: caller)
                let places = try await SiteRegistry(platform: platform).searchPlaces(term, limit: 20, caller: caller)
                page["people"] = people.map(PeopleRoutes.row)
                page["organizations"] = organizations.map {
                    ["name": $0.name, "kind": $0.kind, "creditCode": $0.creditCode, "gridCode": $0.gridCode, "address": $0.address]
                }
                page["places"] = places.map {
                    ["name": $0.name, "kind": $0.kind, "gridCode": $0.gridCode, "address": $0.address]
                }
            }
            return try views.page("search", page, session: context.session)
        }
    }
}
