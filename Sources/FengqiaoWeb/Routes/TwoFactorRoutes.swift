import FengqiaoDomain
import FengqiaoQRCode
import FengqiaoServices
import Foundation
import Hummingbird

/// Two-factor sign-in (TOTP): the code asked after the password (`/login/totp`), and setting up an
/// authenticator app (`/account/totp`), which a role that requires it must do before anything else
/// and anyone signed in may do of their own accord.
struct TwoFactorRoutes {
    let platform: Platform
    let views: Views
    let secureCookies: Bool

    func add(to routes: inout RouteTable) {
        let authentication = Authentication(platform: platform)
        let enrolment = TOTPEnrolment(platform: platform)
        routes.get("/login/totp") { request, context in
            let next = request.uri.queryParameters["next"].map(String.init)
            if let session = context.session { return .redirect(to: SessionRoutes.landing(next, for: session.staff)) }
            guard let pending = context.pendingSignIn, pending.stage == .totp else { return .redirect(to: "/login") }
            return try codePage(pending, next: next, error: nil, status: .ok)
        }
        routes.post("/login/totp") { request, context in
            let form = try await request.formFields(context: context)
            guard let pending = context.pendingSignIn, pending.stage == .totp, let token = context.sessionToken else {
                return .redirect(to: "/login", type: .normal)
            }
            do {
                let signedIn = try await authentication.verifyCode(form["code"] ?? "", token: token, ip: context.clientIP)
                return signedInResponse(signedIn, to: SessionRoutes.landing(form["next"], for: signedIn.session.staff))
            } catch DomainError.validation(let errors) {
                return try codePage(pending, next: form["next"], error: errors.first?.message, status: .unprocessableContent)
            }
        }
        routes.get("/account/totp") { _, context in
            let session = try Self.enrolling(context)
            return try await enrolPage(session, status: try await enrolment.status(session: session), errors: [:],
                                       code: .ok, context: context)
        }
        routes.post("/account/totp") { request, context in
            let form = try await request.formFields(context: context)
            let session = try Self.enrolling(context)
            do {
                let signedIn = try await enrolment.confirm(
                    code: form["code"] ?? "", session: session, token: context.sessionToken ?? "", ip: context.clientIP)
                if let signedIn { return signedInResponse(signedIn, to: "/account/totp") }
                return .redirect(to: "/account/totp", type: .normal)
            } catch DomainError.validation(let errors) {
                return try await enrolPage(session, status: try await enrolment.status(session: session),
                                           errors: ["code": errors.first?.message ?? ""], code: .unprocessableContent,
                                           context: context)
            }
        }
        routes.post("/account/totp/disable") { request, context in
            let form = try await request.formFields(context: context)
            let caller = try context.caller()
            do {
                try await enrolment.disable(code: form["code"] ?? "", caller: caller)
                return .redirect(to: "/account/totp", type: .normal)
            } catch DomainError.validation(let errors) {
                let session = try Self.enrolling(context)
                return try await enrolPage(session, status: try await enrolment.status(session: session),
                                           errors: ["disableCode": errors.first?.message ?? ""],
                                           code: .unprocessableContent, context: context)
            }
        }
    }

    /// The session that may see the enrolment page: an active one, or one held at `.enrol`.
    static func enrolling(_ context: AppRequestContext) throws(DomainError) -> ActiveSession {
        if let session = context.session {
            try session.staff.require(.ownSignIn)
            return session
        }
        guard let pending = context.pendingSignIn, pending.stage == .enrol else {
            throw DomainError.unauthenticated(code: "signed_out", message: "请先登录")
        }
        return pending
    }

    private func codePage(_ pending: ActiveSession, next: String?, error: String?, status: HTTPResponse.Status) throws
        -> Response
    {
        try views.page("login-totp", [
            "csrf": pending.csrfToken, "next": next.flatMap(SessionRoutes.safeNext) ?? "", "error": error as Any,
            "displayName": pending.staff.displayName,
        ], status: status)
    }

    private func enrolPage(
        _ session: ActiveSession, status: TOTPEnrolment.Status, errors: [String: String], code: HTTPResponse.Status,
        context: AppRequestContext
    ) async throws -> Response {
        var page: [String: Any] = [
            "csrf": session.csrfToken, "halfOpen": !session.isActive, "enabled": status.enabled,
            "required": status.required, "mayDisable": status.enabled && !status.required && session.isActive,
            "codeError": errors["code"] as Any, "disableCodeError": errors["disableCode"] as Any,
            "displayName": session.staff.displayName,
        ]
        if let secret = status.pending, let url = status.authenticatorURL {
            page["secret"] = secret.base32Grouped
            page["qrSVG"] = try QRCode(text: url, correction: .medium).svg(moduleSize: 5, quietZone: 4)
        }
        return try views.page("totp-enrol", page, status: code, session: context.session)
    }

    /// A redirect that replaces the session cookie with the activated session's new token.
    private func signedInResponse(_ signedIn: Authentication.SignedIn, to location: String) -> Response {
        var response = Response.redirect(to: location, type: .normal)
        response.setCookie(Cookie(
            name: SessionMiddleware.cookieName, value: signedIn.token, path: "/", secure: secureCookies,
            httpOnly: true, sameSite: .lax))
        return response
    }
}
