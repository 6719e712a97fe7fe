import Foundation

/// A short excerpt of a case description for a search result. Descriptions are free text that callers
/// sometimes fill with a phone or ID number, so every run of seven or more digits (ASCII or full-width,
/// an ID number's final X included, or eleven with spaces or hyphens between them) is replaced by `＊＊＊` before the excerpt is cut; the excerpt
/// starts a little before the first match of the term, when there is one.
public enum SearchSnippet {
    public static let length = 80
    static let lead = 20
    static let hidden = "＊＊＊"

    public static func make(_ text: String, term: String?) -> String {
        let masked = self.masked(text)
        var start = masked.startIndex
        if let term, !term.isEmpty, let found = masked.range(of: term, options: .caseInsensitive) {
            start = masked.index(found.lowerBound, offsetBy: -lead, limitedBy: masked.startIndex) ?? masked.startIndex
        }
        let tail = masked[start...]
        var snippet = String(tail.prefix(length))
        if start > masked.startIndex { snippet = "…" + snippet }
        if tail.count > length { snippet += "…" }
        return snippet
    }

    /// `text` with every run of seven or more digits hidden; spaces and hyphens between digits
    /// (`138 1234 5678`, `0472-1234567`) do not break a run of eleven or more.
    public static func masked(_ text: String) -> String {
        var result = "", run = "", digits = 0, segment = 0, longest = 0, separators = ""
        func flush() {
            // Seven digits in a row, or eleven with separators (a date such as 2026-11-24 stays).
            result += digits >= 11 || longest >= 7 ? hidden : run
            result += separators
            run = ""
            separators = ""
            digits = 0
            segment = 0
            longest = 0
        }
        for character in text {
            let idTail = digits >= 7 && separators.isEmpty && "Xx\u{FF38}".contains(character)
            if isDigit(character) || idTail {
                if !separators.isEmpty { segment = 0 }
                run += separators
                separators = ""
                run.append(character)
                digits += 1
                segment += 1
                longest = max(longest, segment)
            } else if digits > 0, character == " " || character == "-", separators.count < 2 {
                separators.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }
}
