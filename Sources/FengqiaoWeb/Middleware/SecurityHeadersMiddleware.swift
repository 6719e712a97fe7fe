import Hummingbird

/// Headers every answer carries: a Content-Security-Policy that allows no inline script and nothing
/// from elsewhere (pages, SVG maps and styles all come from this server), no MIME sniffing, no
/// framing, no referrer outside the site; HSTS when the server sits behind TLS. Answers without a
/// caching rule of their own are not stored by browsers or proxies: they may carry personal data.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let behindTLS: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.permissionsPolicy] = "geolocation=(self), camera=(self), microphone=()"
        if behindTLS { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
