import Foundation
import Hummingbird

/// The stylesheets and the one script, read once from the bundle and served from memory (no outside
/// assets: centres run on government intranets).
struct StaticRoutes {
    static let files: [(name: String, type: String)] = [
        ("app.css", "text/css; charset=utf-8"),
        ("report.css", "text/css; charset=utf-8"),
        ("dashboard.css", "text/css; charset=utf-8"),
        ("reports.css", "text/css; charset=utf-8"),
        ("report.js", "text/javascript; charset=utf-8"),
    ]

    func add(to routes: inout RouteTable) {
        for file in Self.files {
            let parts = file.name.split(separator: ".", maxSplits: 1).map(String.init)
            let text = parts.count == 2
                ? Bundle.module.path(forResource: parts[0], ofType: parts[1], inDirectory: "Resources/static")
                    .flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
                : ""
            routes.get(RouterPath("/static/" + file.name)) { _, _ in
                Response(
                    status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"],
                    body: .init(byteBuffer: ByteBuffer(string: text))
                )
            }
        }
    }
}
