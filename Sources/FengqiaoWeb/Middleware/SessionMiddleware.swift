import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Resumes the session named by the `fq_session` cookie and, for every state-changing request made
/// with a session, requires the session's CSRF token: the `X-CSRF-Token` header (scripts, API
/// calls) or the `_csrf` form field (forms). A cookie whose session has ended is cleared.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "fq_session"
    let authentication: Authentication

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Bearer-token requests (TokenAuthMiddleware) ignore cookies; browsers never send that header by themselves.
        if context.authenticatedByToken { return try await next(request, context) }
        var context = context
        var request = request
        let token = request.cookies[Self.cookieName]?.value
        if let token {
            context.session = try await authentication.resume(token: token)
            context.sessionToken = context.session == nil ? nil : token
        }
        if let session = context.session, ![.get, .head, .options].contains(request.method) {
            let sent = try await Self.csrfToken(in: &request, context: context)
            guard let sent, Self.constantTimeEqual(sent, session.csrfToken) else { throw CSRFError() }
        }
        var response = try await next(request, context)
        if token != nil, context.session == nil, response.headers[.setCookie] == nil {
            response.setCookie(Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// The token the request carries: the header, else the form field (the body is kept for the route).
    static func csrfToken(in request: inout Request, context: Context) async throws -> String? {
        if let header = request.headers[.csrfToken] { return header }
        let type = request.headers[.contentType]
        if let boundary = MultipartForm.boundary(of: type) {
            let body = try await request.collectBody(upTo: BodyLimitMiddleware.limit(for: request))
            return try MultipartForm(body, boundary: boundary).text("_csrf")
        }
        guard let type, type.hasPrefix("application/x-www-form-urlencoded") else { return nil }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return FormFields(String(buffer: body))["_csrf"]
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A state-changing request whose CSRF token is missing or wrong.
struct CSRFError: Error {}
