import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Places and things: the JSON API (register; search places).
struct SiteRoutes {
    let platform: Platform

    func add(to routes: inout RouteTable) {
        let registry = SiteRegistry(platform: platform)
        routes.post("/api/v1/places") { request, context in
            let submission = try await request.decodeJSON(as: SiteSubmission<PlaceKind>.self, context: context)
            return try JSONResponse.encode(try await registry.registerPlace(submission, caller: try context.caller()),
                                           status: .created)
        }
        routes.post("/api/v1/things") { request, context in
            let submission = try await request.decodeJSON(as: SiteSubmission<ThingKind>.self, context: context)
            return try JSONResponse.encode(try await registry.registerThing(submission, caller: try context.caller()),
                                           status: .created)
        }
        routes.get("/api/v1/places") { request, context in
            let term = request.uri.queryParameters["q"].map(String.init) ?? ""
            return try JSONResponse.encode(["places": try await registry.searchPlaces(term, caller: try context.caller())])
        }
    }
}
