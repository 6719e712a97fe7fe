import Hummingbird

/// Refuses a request whose declared body is larger than the limit before reading any of it.
/// (Bodies without a length are limited while they are collected, see `AppRequestContext`.)
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = request.uri.path.hasPrefix("/api/v1/imports/") ? TransferRoutes.maximumImportBytes : AppRequestContext.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}
