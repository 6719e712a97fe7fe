import Foundation
import HTTPTypes
import Hummingbird

/// The grid worker app's (网格通) installable shell at `/app`: the page, its script and stylesheet, the web app
/// manifest, the icons and the service worker, read once from the bundle. The shell holds no personal data
/// (the script asks `/app/api/me` who is signed in), so anyone may load it and the service worker may keep it
/// for use without signal. The worker's scope is `/app` (the page itself has no trailing slash), which the
/// `Service-Worker-Allowed` header permits.
struct GridAppRoutes {
    static let files: [(path: String, resource: String, type: String)] = [
        ("/app", "index.html", "text/html; charset=utf-8"),
        ("/app/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/app/outbox.js", "outbox.js", "text/javascript; charset=utf-8"),
        ("/app/app.css", "app.css", "text/css; charset=utf-8"),
        ("/app/sw.js", "sw.js", "text/javascript; charset=utf-8"),
        ("/app/manifest.webmanifest", "manifest.webmanifest", "application/manifest+json"),
        ("/app/icon.svg", "icon.svg", "image/svg+xml"),
        ("/app/icon-192.png", "icon-192.png", "image/png"),
        ("/app/icon-512.png", "icon-512.png", "image/png"),
    ]

    static func contents(_ resource: String) -> Data {
        guard let path = Bundle.module.path(forResource: resource, ofType: nil, inDirectory: "Resources/app"),
              let data = FileManager.default.contents(atPath: path)
        else { return Data() }
        return data
    }

    func add(to routes: inout RouteTable) {
        for file in Self.files {
            let data = Self.contents(file.resource)
            var headers: HTTPFields = [.contentType: file.type, .cacheControl: "no-cache"]
            if file.resource == "sw.js" { headers[HTTPField.Name("Service-Worker-Allowed")!] = "/app" }
            let fixed = headers
            routes.get(RouterPath(file.path)) { _, _ in
                Response(status: .ok, headers: fixed, body: .init(byteBuffer: ByteBuffer(data: data)))
            }
        }
    }
}
