/// Makes a string a valid, unique Excel sheet name.
///
/// Excel's rules: 1–31 characters; none of `[ ] : * ? / \`; not starting or ending with an apostrophe; not
/// "History" (reserved); unique ignoring case. Forbidden characters become "_", control characters are
/// dropped, an empty name becomes "Sheet", and duplicates get " (2)", " (3)", ….
enum XLSXSheetName {
    private static let maxLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func sanitised(_ name: String, avoiding taken: Set<String>) -> String {
        var base = String(
            name.compactMap { character -> Character? in
                if forbidden.contains(character) { return "_" }
                if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    return nil
                }
                return character
            })
        base = base.trimmingSheetWhitespace()
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        if base.lowercased() == "history" { base += "_" }
        var candidate = truncated(base, toUTF16: maxLength)
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = truncated(base, toUTF16: maxLength - suffix.utf16.count) + suffix
            counter += 1
        }
        return candidate
    }

    /// The longest prefix of whole characters that fits in `limit` UTF-16 units (Excel counts those).
    private static func truncated(_ text: String, toUTF16 limit: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let width = character.utf16.count
            guard used + width <= limit else { break }
            result.append(character)
            used += width
        }
        return result
    }
}
