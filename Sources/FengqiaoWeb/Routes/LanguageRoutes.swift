import Hummingbird

/// The footer's language switch: `GET /language?lang=en&back=/cases` remembers the choice in the
/// `lang` cookie (a display preference, not a change of any record, so a plain link that works
/// without JavaScript and without a session) and returns to `back` when it is a local path. An unknown
/// `lang` changes nothing.
struct LanguageRoutes {
    let secureCookies: Bool

    func add(to routes: inout RouteTable) {
        routes.get("/language") { request, _ in
            let back = request.uri.queryParameters["back"].map(String.init).flatMap(SessionRoutes.safeNext) ?? "/"
            var response = Response.redirect(to: back, type: .normal)
            if let code = request.uri.queryParameters["lang"].map(String.init), let locale = UILocale(rawValue: code) {
                response.setCookie(Cookie(name: UILocale.cookieName, value: locale.rawValue, maxAge: 365 * 86_400, path: "/",
                                          secure: secureCookies, httpOnly: true, sameSite: .lax))
            }
            return response
        }
    }
}
