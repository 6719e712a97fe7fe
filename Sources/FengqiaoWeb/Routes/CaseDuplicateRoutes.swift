import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Duplicate suggestions (查重): `POST /api/v1/cases/duplicates` for a draft (the body of
/// `POST /api/v1/cases`), `GET /api/v1/cases/{number}/duplicates` for a case; `?days=` sets the window
/// (default 30).
struct CaseDuplicateRoutes {
    let platform: Platform

    func add(to routes: inout RouteTable) {
        let duplicates = CaseDuplicates(platform: platform)
        routes.post("/api/v1/cases/duplicates") { request, context in
            let caller = try context.caller()
            let draft = try await request.decodeJSON(as: CaseOpening.self, context: context)
            let found = try await duplicates.suggestions(for: draft, days: Self.days(request), caller: caller)
            return try JSONResponse.encode(["duplicates": found])
        }
        routes.get("/api/v1/cases/{number}/duplicates") { request, context in
            let caller = try context.caller()
            let number = try context.parameters.require("number")
            let found = try await duplicates.suggestions(forCase: number, days: Self.days(request), caller: caller)
            return try JSONResponse.encode(["duplicates": found])
        }
    }

    /// `?days=`: nil when absent, 0 (out of range) when not a number.
    static func days(_ request: Request) -> Int? {
        guard let text = request.uri.queryParameters["days"], !text.isEmpty else { return nil }
        return Int(text) ?? 0
    }
}
