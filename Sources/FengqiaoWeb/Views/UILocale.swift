import Foundation

/// A language the pages' frame speaks: simplified Chinese (the default and complete catalog) or English.
enum UILocale: String, CaseIterable, Sendable {
    case zhHans = "zh-Hans"
    case en

    /// The cookie that remembers the choice made with the footer's language switch.
    static let cookieName = "lang"

    /// The `<html lang>` value.
    var htmlLang: String {
        switch self {
        case .zhHans: "zh-CN"
        case .en: "en"
        }
    }

    /// The locale of a request: a valid `lang` cookie, else the best `Accept-Language` entry we speak,
    /// else simplified Chinese. Unknown or malformed values are ignored.
    static func resolve(cookie: String?, acceptLanguage: String?) -> UILocale {
        if let cookie, let locale = UILocale(rawValue: cookie) { return locale }
        return acceptLanguage.flatMap(preferred) ?? .zhHans
    }

    /// The highest-weighted language range of an `Accept-Language` header that is Chinese or English
    /// (the first of equal weight wins); nil when none is.
    static func preferred(_ header: String) -> UILocale? {
        var best: (locale: UILocale, weight: Double)?
        for entry in header.split(separator: ",").prefix(20) {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let range = parts.first, !range.isEmpty else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            let locale: UILocale? = range == "zh" || range.hasPrefix("zh-") ? .zhHans : range == "en" || range.hasPrefix("en-") ? .en : nil
            guard let locale, weight > 0, weight > (best?.weight ?? 0) else { continue }
            best = (locale, weight)
        }
        return best?.locale
    }
}
