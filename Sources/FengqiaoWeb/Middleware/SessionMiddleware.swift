import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Resumes the session named by the `fq_session` cookie and, for every state-changing request made
/// with a session, requires the session's CSRF token: the `X-CSRF-Token` header (scripts, API
/// calls) or the `_csrf` form field (forms). A cookie whose session has ended is cleared.
/// A half-open session (second sign-in step due) counts only on its step's page and `/logout`;
/// elsewhere the request is anonymous, and a browser sent to sign in is sent to the step instead.
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
        var resumed: ActiveSession?
        if let token {
            resumed = try await authentication.resume(token: token)
            if let resumed, resumed.isActive {
                context.session = resumed
            } else if let resumed, Self.allows(resumed.stage, path: request.uri.path) {
                context.pendingSignIn = resumed
            }
            if context.session != nil || context.pendingSignIn != nil { context.sessionToken = token }
        }
        if let session = context.session ?? context.pendingSignIn, ![.get, .head, .options].contains(request.method) {
            let sent = try await Self.csrfToken(in: &request, context: context)
            guard let sent, Self.constantTimeEqual(sent, session.csrfToken) else { throw CSRFError() }
        }
        do {
            var response = try await next(request, context)
            if token != nil, resumed == nil, response.headers[.setCookie] == nil {
                response.setCookie(Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
            }
            return response
        } catch let error as DomainError {
            guard case .unauthenticated = error, let stage = resumed?.stage, let page = Self.stepPage(stage),
                  ProblemMiddleware.wantsHTML(request)
            else { throw error }
            return .redirect(to: page, type: .normal)
        }
    }

    /// The page where a session at `stage` finishes signing in.
    static func stepPage(_ stage: SessionStage) -> String? {
        switch stage {
        case .active: nil
        case .totp: "/login/totp"
        case .enrol: "/account/totp"
        }
    }

    /// Whether a half-open session at `stage` counts for `path`.
    static func allows(_ stage: SessionStage, path: String) -> Bool {
        path == "/logout" || path == stepPage(stage)
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
