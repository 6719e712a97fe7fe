import Foundation
import Hummingbird

/// The stylesheet, read once from the bundle and served from memory (no outside assets: centres run
/// on government intranets).
struct StaticRoutes {
    func add(to routes: inout RouteTable) {
        let css = Bundle.module.path(forResource: "app", ofType: "css", inDirectory: "Resources/static")
            .flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        routes.get("/static/app.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: css))
            )
        }
    }
}
