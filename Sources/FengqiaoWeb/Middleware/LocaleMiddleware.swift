import Hummingbird

/// Chooses the language of the page (the `lang` cookie, else `Accept-Language`, else simplified
/// Chinese) and remembers the path for the navigation's "you are here"; both reach the layout through
/// `Views.pageRequest`, so no handler has to pass them.
struct LocaleMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let locale = UILocale.resolve(cookie: request.cookies[UILocale.cookieName]?.value,
                                      acceptLanguage: request.headers[.acceptLanguage])
        let page = PageRequest(locale: locale, path: request.uri.path)
        return try await Views.$pageRequest.withValue(page) { try await next(request, context) }
    }
}
