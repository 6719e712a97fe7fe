import FengqiaoServices
import Foundation
import Hummingbird
import Mustache

/// The server-rendered pages: Mustache templates from `Resources/templates`, loaded once at start.
struct Views: Sendable {
    let library: MustacheLibrary
    let catalog: StringCatalog

    /// The language and path of the request being answered, set by `LocaleMiddleware`.
    @TaskLocal static var pageRequest: PageRequest = .fallback

    /// The signed-in person's unread inbox messages, set by `InboxBadgeMiddleware` for page requests.
    @TaskLocal static var unreadMessages: Int?

    static func load() async throws -> Views {
        guard let directory = Bundle.module.path(forResource: "templates", ofType: nil, inDirectory: "Resources") else {
            throw ViewError.templatesMissing
        }
        let library = try await MustacheLibrary(directory: directory)
        guard library.getTemplate(named: "layout") != nil else { throw ViewError.templatesMissing }
        return Views(library: library, catalog: try StringCatalog.load())
    }

    /// Renders `template` with `context` into an HTML response; with a session, the layout shows who is
    /// signed in and the sign-out form carries its CSRF token.
    func page(
        _ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok, session: ActiveSession? = nil
    ) throws -> Response {
        var context = context
        let request = Self.pageRequest
        let strings = catalog.strings(request.locale)
        context["t"] = Self.nested(strings)
        context["htmlLang"] = request.locale.htmlLang
        context["homeCurrent"] = request.path == "/"
        context["trackCurrent"] = Navigation.isCurrent("/track", path: request.path)
        let back = request.path.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? "/"
        context["languages"] = UILocale.allCases.map {
            ["code": $0.rawValue, "htmlLang": $0.htmlLang, "name": catalog.text("language.name", $0), "back": back,
             "current": $0 == request.locale]
        }
        if let session {
            let staff = session.staff
            context["signedIn"] = [
                "displayName": staff.displayName, "roleName": staff.isMachine ? "接口令牌" : staff.role.chineseName,
                "csrf": session.csrfToken,
                // The navigation offers only what the role may open.
                "map": staff.may(.viewMap), "baseData": staff.may(.viewBaseData), "imports": staff.may(.importData) && (staff.may(.editBaseData) || staff.may(.editMap)),
                "accounts": staff.may(.manageAccounts) || staff.may(.grantRoles), "security": staff.may(.grantRoles),
                "audit": staff.may(.readAuditLog), "ownSignIn": staff.may(.ownSignIn),
                "caseSettings": staff.may(.configureCases), "desk": !staff.isMachine && staff.may(.acceptCases),
                "inbox": !staff.isMachine && staff.may(.ownSignIn), "unread": Self.unreadMessages.flatMap { $0 > 0 ? $0 : nil } as Any,
                "outbox": staff.may(.manageNotifications),
                "cameraAlerts": !staff.isMachine && staff.may(.acceptCases),
                "hotline": staff.may(.importData) && staff.may(.acceptCases),
                "figures": !staff.isMachine && staff.may(.viewCases)
                    && [.mediate, .manageMediation, .receivePetitions, .superviseCases].contains(where: staff.may),
                "mediation": (staff.may(.viewCases) && staff.may(.mediate)) || staff.may(.manageMediation),
                "petitions": !staff.isMachine && staff.may(.receivePetitions),
                "cases": staff.may(.viewCases),
                "menus": Navigation.context(Navigation.menus(for: staff), path: request.path, strings: strings),
                "search": staff.may(.viewCases) || staff.may(.viewBaseData),
                "inboxCurrent": Navigation.isCurrent("/inbox", path: request.path),
            ]
            context["csrf"] = context["csrf"] ?? session.csrfToken
        }
        guard let html = library.render(Self.withoutNils(context), withTemplate: template) else {
            throw ViewError.unknownTemplate(template)
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// The context with every `nil` removed, at any depth (an `Optional.none` stored in `Any` would
    /// otherwise count as present in a `{{#section}}`), and a `has_<name>` flag beside every list, for
    /// markup around a list that only shows when it has items.
    static func withoutNils(_ context: [String: Any]) -> [String: Any] {
        var result = context.compactMapValues(unwrapped)
        for (key, value) in result {
            if let list = value as? [Any] { result["has_" + key] = !list.isEmpty }
        }
        return result
    }

    /// Characters a path keeps when it travels as a query parameter value.
    static let pathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "&=+#?"))

    /// Flat catalog keys (`nav.cases`) as nested dictionaries, for `{{t.nav.cases}}` in templates.
    static func nested(_ strings: [String: String]) -> [String: Any] {
        var tree: [String: Any] = [:]
        for (key, text) in strings {
            insert(text, at: key.split(separator: ".").map(String.init)[...], into: &tree)
        }
        return tree
    }

    private static func insert(_ text: String, at path: ArraySlice<String>, into tree: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 { tree[head] = text; return }
        var child = tree[head] as? [String: Any] ?? [:]
        insert(text, at: path.dropFirst(), into: &child)
        tree[head] = child
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return unwrapped(wrapped)
        }
        if let dictionary = value as? [String: Any] { return withoutNils(dictionary) }
        if let array = value as? [[String: Any]] { return array.map(withoutNils) }
        return value
    }

    func errorPage(_ mapped: ErrorMapping.Mapped, requestID: String, session: ActiveSession?) throws -> Response {
        try page("error", [
            "title": mapped.title, "status": mapped.status.code, "detail": mapped.detail, "requestId": requestID,
            "fields": (mapped.fields ?? []).map { ["field": $0.field, "message": $0.message] },
        ], status: mapped.status, session: session)
    }
}

enum ViewError: Error {
    case templatesMissing
    case unknownTemplate(String)
    case catalogMissing(String)
}
