import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The Chinese home page.
struct HomeRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        routes.get("/") { _, context in
            let s = try await PlatformOverview(platform: platform).summary()
            return try views.page("home", [
                "rootName": s.rootName as Any, "areaCounts": s.areaCounts.map { ["name": $0.name, "count": $0.count] },
                "caseStates": s.caseStates.map { ["name": $0.name, "count": $0.count] },
                "totalCases": s.totalCases, "openCases": s.openCases, "isEmpty": s.isEmpty, "departments": s.departments,
                "people": s.people, "organizations": s.organizations, "places": s.places,
            ], session: context.session)
        }
    }
}
