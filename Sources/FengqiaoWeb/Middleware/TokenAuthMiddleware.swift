import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Authenticates requests that carry `Authorization: Bearer fq_…` by their API token: the token's
/// principal becomes the request's caller, cookies are ignored and no CSRF token is needed (browsers
/// never add such a header by themselves). An unknown, revoked or malformed bearer token is answered
/// 401 `invalid_token` at once, as problem+json: it never falls through to an anonymous request.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: ApiTokens

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authorization = request.headers[.authorization],
              let token = Self.bearerToken(in: authorization)
        else { return try await next(request, context) }
        guard let staff = try await tokens.resolve(token: token) else { return try Self.invalidToken(context) }
        var context = context
        // A random CSRF token that no form has: token requests skip the check, and nothing else can match it.
        context.session = ActiveSession(staff: staff, csrfToken: SessionToken.random())
        context.authenticatedByToken = true
        return try await next(request, context)
    }

    /// The credentials of a `Bearer` authorization (the scheme is case-insensitive); nil for other schemes.
    static func bearerToken(in authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard let scheme = parts.first, scheme.lowercased() == "bearer" else { return nil }
        return parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    }

    static func invalidToken(_ context: Context) throws -> Response {
        let mapped = ErrorMapping.map(DomainError.unauthenticated(code: "invalid_token", message: "API令牌无效或已吊销"))
        var response = try ProblemMiddleware.problem(mapped, requestID: context.requestID)
        response.headers[.wwwAuthenticate] = #"Bearer error="invalid_token""#
        return response
    }
}
