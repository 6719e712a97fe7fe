import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The area browser (HTML) and its JSON twin, for signed-in staff, scoped to their jurisdiction.
struct AreaRoutes {
    let platform: Platform
    let views: Views

    func add(to routes: inout RouteTable) {
        let browser = AreaBrowser(platform: platform)
        routes.get("/areas") { _, context in
            let caller = try context.caller()
            try caller.staff.require(.viewMap)
            return .redirect(to: "/areas/\(caller.staff.jurisdiction.root.rawValue)", type: .normal)
        }
        routes.get("/areas/{code}") { _, context in
            let caller = try context.caller()
            let code = try context.parameters.require("code")
            if AreaCode(code)?.level ?? .city >= .grid {
                let detail = try await browser.grid(code: code, caller: caller)
                return try views.page("grid", AreaPageContext.grid(detail, mayEdit: caller.staff.may(.editMap)),
                                      session: context.session)
            }
            let overview = try await browser.overview(code: code, caller: caller)
            var page = AreaPageContext.overview(overview, mayEdit: caller.staff.may(.editMap))
            // The open risk warnings filed in the area, for who sees warnings.
            if let open = try await RiskWarnings(platform: platform).openByLevel(area: code, caller: caller) {
                page["warnings"] = DashboardPage.warnings(open, area: code)
            }
            return try views.page("area", page, session: context.session)
        }
        routes.get("/api/v1/areas/{code}") { _, context in
            let overview = try await browser.overview(code: try context.parameters.require("code"), caller: try context.caller())
            return try JSONResponse.encode(AreaJSON.Overview(overview))
        }
        routes.get("/api/v1/grids/{code}") { _, context in
            let detail = try await browser.grid(code: try context.parameters.require("code"), caller: try context.caller())
            return try JSONResponse.encode(AreaJSON.Grid(detail))
        }
        routes.get("/api/v1/locate") { request, context in
            let caller = try context.caller()
            let query = request.uri.queryParameters
            guard let lat = query["lat"].flatMap({ Double(String($0)) }), let lon = query["lon"].flatMap({ Double(String($0)) }),
                  case let point = Coordinate(latitude: lat, longitude: lon), point.isInChina
            else {
                throw DomainError.validation([FieldError(field: "lat", code: "invalid_format", message: "请提供有效的经纬度(lat、lon)")])
            }
            let path = try await browser.locate(point, caller: caller)
            return try JSONResponse.encode(path.map(AreaJSON.Node.init))
        }
    }
}
