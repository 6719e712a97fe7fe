import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The Chinese home page and the public case-tracking page.
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
        routes.get("/track") { request, context in
            let code = request.uri.queryParameters["code"].map(String.init) ?? ""
            guard !code.isEmpty else { return try views.page("track", ["code": ""], session: context.session) }
            do {
                let status = try await CaseTracking(platform: platform).status(trackingCode: code)
                return try views.page("track", ["code": status.trackingCode, "status": Self.context(status)],
                                      session: context.session)
            } catch let error as DomainError {
                let mapped = ErrorMapping.map(error)
                return try views.page("track", ["code": code, "error": mapped.detail], status: mapped.status,
                                      session: context.session)
            }
        }
    }

    static func context(_ status: PublicCaseStatus) -> [String: Any] {
        let format = Date.FormatStyle(date: .numeric, time: .shortened, locale: Locale(identifier: "zh_CN"),
                                      timeZone: ChinaTime.timeZone)
        return [
            "number": status.number, "stateName": status.stateName, "kindName": status.kindName,
            "category": status.category,
            "steps": status.steps.map { ["at": $0.at.formatted(format), "stateName": $0.stateName] },
        ]
    }
}
