import Foundation

/// The words of the pages' frame (layout, navigation, sign-in, errors, search), one JSON file per
/// locale in `Resources/i18n` (`zh-Hans.json`, `en.json`), a flat object of key → text. Templates
/// read them as `{{t.key}}`. Simplified Chinese is complete; a key missing from another locale falls
/// back to its Chinese text.
struct StringCatalog: Sendable {
    let tables: [UILocale: [String: String]]

    static func load() throws -> StringCatalog {
        var tables: [UILocale: [String: String]] = [:]
        for locale in UILocale.allCases {
            guard let url = Bundle.module.url(forResource: locale.rawValue, withExtension: "json", subdirectory: "Resources/i18n")
            else { throw ViewError.catalogMissing(locale.rawValue) }
            tables[locale] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return StringCatalog(tables: tables)
    }

    /// Every key of `locale`, each falling back to simplified Chinese.
    func strings(_ locale: UILocale) -> [String: String] {
        let base = tables[.zhHans] ?? [:]
        guard locale != .zhHans else { return base }
        return base.merging(tables[locale] ?? [:]) { _, localized in localized }
    }

    /// The text of `key` in `locale` (Chinese when the locale lacks it; the key itself when no catalog has it).
    func text(_ key: String, _ locale: UILocale) -> String {
        tables[locale]?[key] ?? tables[.zhHans]?[key] ?? key
    }
}
