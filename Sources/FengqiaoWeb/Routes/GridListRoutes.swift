import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// `GET /api/v1/grids?area=CODE&limit=&cursor=`: the grids and micro-grids inside an area (the caller's own when
/// `area` is absent), in code order, keyset-paged with an opaque cursor.
struct GridListRoutes {
    let platform: Platform

    /// The page's JSON: `next` is always present (null on the last page).
    struct Page: Encodable {
        var grids: [AreaJSON.Node]
        var next: String?

        enum CodingKeys: String, CodingKey { case grids, next }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(grids, forKey: .grids)
            try container.encode(next, forKey: .next)
        }
    }

    func add(to routes: inout RouteTable) {
        let browser = AreaBrowser(platform: platform)
        routes.get("/api/v1/grids") { request, context in
            let query = request.uri.queryParameters
            let limitText = query["limit"].map(String.init) ?? ""
            let area = query["area"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let page = try await browser.grids(
                within: area, after: try OpaqueCursor.unwrap(query["cursor"].map(String.init)),
                limit: limitText.isEmpty ? 100 : Int(limitText) ?? 0, caller: try context.caller())
            return try JSONResponse.encode(Page(grids: page.grids.map(AreaJSON.Node.init), next: OpaqueCursor.wrap(page.nextCode)))
        }
    }
}
