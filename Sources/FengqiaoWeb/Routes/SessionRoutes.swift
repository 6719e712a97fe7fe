import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// Signing in and out. The sign-in form is protected against login CSRF by a double-submit token
/// (a cookie and a hidden field that must match), since there is no session yet.
struct SessionRoutes {
    let authentication: Authentication
    let views: Views
    let secureCookies: Bool
    let throttle = LoginThrottle()
    static let loginCSRFCookie = "fq_login_csrf"

    func add(to routes: inout RouteTable) {
        routes.get("/login") { request, context in
            if let session = context.session {
                return Response.redirect(to: Self.landing(request.uri.queryParameters["next"].map(String.init), for: session.staff))
            }
            return try loginPage(next: request.uri.queryParameters["next"].map(String.init), error: nil, status: .ok)
        }
        routes.post("/login") { request, context in
            let form = try await request.formFields(context: context)
            let next = form["next"]
            guard let sent = form["_csrf"], let expected = request.cookies[Self.loginCSRFCookie]?.value,
                  SessionMiddleware.constantTimeEqual(sent, expected)
            else { return try loginPage(next: next, error: "页面已过期,请重新登录", status: .forbidden) }
            if let wait = await throttle.attempt(from: context.clientIP) {
                var response = try loginPage(next: next, error: DomainError.tooManyAttempts(retryAfterSeconds: wait).message,
                                             status: .tooManyRequests)
                response.headers[.retryAfter] = String(wait)
                return response
            }
            do {
                let signedIn = try await authentication.signIn(
                    username: form["username"] ?? "", password: form["password"] ?? "", ip: context.clientIP)
                // A half-open session continues at its second step; the code page keeps `next`.
                let step = SessionMiddleware.stepPage(signedIn.session.stage).map { page in
                    guard signedIn.session.stage == .totp, let next = next.flatMap(Self.safeNext) else { return page }
                    return page + "?next=" + Self.queryEncoded(next)
                }
                var response = Response.redirect(to: step ?? Self.landing(next, for: signedIn.session.staff), type: .normal)
                response.setCookie(Cookie(
                    name: SessionMiddleware.cookieName, value: signedIn.token, path: "/", secure: secureCookies,
                    httpOnly: true, sameSite: .lax))
                response.setCookie(Cookie(name: Self.loginCSRFCookie, value: "", maxAge: 0, path: "/login", httpOnly: true))
                return response
            } catch let error as DomainError {
                let mapped = ErrorMapping.map(error)
                return try loginPage(next: next, error: mapped.detail, status: mapped.status)
            }
        }
        routes.post("/logout") { _, context in
            // A half-open session may give up signing in, too.
            let caller = try context.pendingSignIn.map { Caller(staff: $0.staff, ip: context.clientIP) } ?? context.caller()
            if let token = context.sessionToken { try await authentication.signOut(token: token, caller: caller) }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
            return response
        }
    }

    private func loginPage(next: String?, error: String?, status: HTTPResponse.Status) throws -> Response {
        let token = SessionToken.random()
        var response = try views.page("login", [
            "csrf": token, "next": next.flatMap(Self.safeNext) ?? "", "error": error as Any,
        ], status: status)
        response.setCookie(Cookie(
            name: Self.loginCSRFCookie, value: token, path: "/login", secure: secureCookies, httpOnly: true,
            sameSite: .strict))
        return response
    }

    /// Only local paths: an open redirect would let a phishing link bounce through the login page.
    static func safeNext(_ next: String) -> String? {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count <= 512 else { return nil }
        return next
    }

    /// Where a signed-in `staff` member goes: `next` when it is a local path, else their role's first page.
    static func landing(_ next: String?, for staff: Staff) -> String {
        if let next = next.flatMap(safeNext) { return next }
        if staff.may(.viewMap) { return "/areas" }
        if staff.may(.readAuditLog) { return "/audit" }
        if staff.may(.manageAccounts) || staff.may(.grantRoles) { return "/admin/accounts" }
        return "/"
    }

    static func queryEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
