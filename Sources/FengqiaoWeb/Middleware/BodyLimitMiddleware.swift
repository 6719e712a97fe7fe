import Hummingbird

/// Refuses a request whose declared body is larger than the limit before reading any of it.
/// (Bodies without a length are limited while they are collected, see `AppRequestContext`.)
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.limit(for: request) {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }

    /// File uploads (imports) may be larger than other bodies.
    static func limit(for request: Request) -> Int {
        let path = request.uri.path
        return path.hasPrefix("/api/v1/imports/") || path == "/imports" ? TransferRoutes.maximumImportBytes
            : AppRequestContext.maxBodyBytes
    }
}
