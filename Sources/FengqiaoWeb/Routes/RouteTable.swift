import Hummingbird
import HTTPTypes

/// Registers routes and remembers which methods each path accepts, so that a known path asked with
/// another method answers 405 with an `Allow` header (Hummingbird alone answers 404).
struct RouteTable {
    let router: Router<AppRequestContext>
    private var methods: [(path: RouterPath, method: HTTPRequest.Method)] = []

    init(router: Router<AppRequestContext>) { self.router = router }

    /// The registered routes as `METHOD /path/{parameter}`.
    var registered: [String] {
        methods.map { route in
            let path = route.path.description
            return "\(route.method.rawValue) \(path.hasPrefix("/") ? path : "/" + path)"
        }
    }

    mutating func on(
        _ path: RouterPath, method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        router.on(path, method: method, use: handler)
        methods.append((path, method))
    }

    mutating func get(_ path: RouterPath, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        on(path, method: .get, use: handler)
    }

    mutating func post(_ path: RouterPath, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        on(path, method: .post, use: handler)
    }

    /// Adds a 405 responder for every method a registered path does not accept.
    func refuseOtherMethods() {
        var byPath: [String: (RouterPath, Set<HTTPRequest.Method>)] = [:]
        for (path, method) in methods {
            byPath[path.description, default: (path, [])].1.insert(method)
        }
        let all: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        for (path, allowed) in byPath.values {
            var allow = allowed
            if allow.contains(.get) { allow.insert(.head) }
            let allowHeader = all.filter(allow.contains).map(\.rawValue).joined(separator: ", ")
            for method in all where !allow.contains(method) {
                router.on(path, method: method) { _, _ -> Response in
                    throw HTTPError(.methodNotAllowed, headers: [.allow: allowHeader])
                }
            }
        }
    }
}
