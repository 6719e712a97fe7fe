/// What the layout needs to know about the request a page answers: its language and its path.
struct PageRequest: Sendable {
    var locale: UILocale
    var path: String

    static let fallback = PageRequest(locale: .zhHans, path: "/")
}
