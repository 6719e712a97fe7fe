import FengqiaoServices
import Foundation
import Hummingbird

/// The command-centre dashboard (指挥中心驾驶舱): `/dashboard` (in the layout), `/dashboard/wall` (the
/// wall screen: dark, large type, 1920×1080, no navigation), both reloading themselves every minute
/// without script, and the JSON twin `/api/v1/dashboard`. Query: `area` (inside the jurisdiction),
/// `day` (`yyyy-MM-dd`, default today).
struct DashboardRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let centre = CommandCentre(platform: platform)
        let warnings = RiskWarnings(platform: platform)
        routes.get("/api/v1/dashboard") { request, context in
            let query = FormFields(request.uri.query ?? "")
            return try JSONResponse.encode(try await centre.board(area: query["area"], day: query["day"],
                                                                  caller: try context.caller()))
        }
        for (path, template, wall) in [("/dashboard", "dashboard", false), ("/dashboard/wall", "dashboard-wall", true)] {
            routes.get(RouterPath(path)) { request, context in
                let query = FormFields(request.uri.query ?? "")
                let caller = try context.caller()
                let board = try await centre.board(area: query["area"], day: query["day"], caller: caller)
                var page = DashboardPage.context(board, atlas: try await platform.areaAtlas(), wall: wall,
                                                 now: platform.clock.now())
                if let open = try await warnings.openByLevel(area: query["area"], caller: caller) {
                    page["warnings"] = DashboardPage.warnings(open, area: query["area"])
                }
                var response = try views.page(template, page, session: context.session)
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
    }
}
