/// Decides whether an Excel number format shows a date, a time or both.
///
/// Built-in ids follow ECMA-376 §18.8.30 including the ones that are dates only in Chinese, Japanese and
/// Korean Excel (27–36, 50–58). Custom codes are read after removing quoted text, escapes, `[…]` sections
/// other than elapsed time, and `General`/`AM/PM`: a `y`, `d` or `m` means date; `h` or `s` means time.
enum ExcelDateFormat {
    /// What part of a date-time a format shows.
    enum Kind: Sendable, Hashable {
        case date
        case time
        case dateTime
    }

    private static let builtInDates: Set<Int> = [14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]
    private static let builtInTimes: Set<Int> = [18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]

    static func kind(numberFormatID id: Int, code: String?) -> Kind? {
        if let code { return kind(code: code) }
        if id == 22 { return .dateTime }
        if builtInDates.contains(id) { return .date }
        if builtInTimes.contains(id) { return .time }
        return nil
    }

    static func kind(code: String) -> Kind? {
        let section = firstSection(of: code)
        var cleaned = section.lowercased()
        for word in ["general", "am/pm", "a/p", "上午/下午"] {
            cleaned = cleaned.replacingOccurrences(of: word, with: "")
        }
        let hasDate = cleaned.contains { $0 == "y" || $0 == "d" }
        let hasTime = cleaned.contains { $0 == "h" || $0 == "s" }
        let hasMonthOrMinute = cleaned.contains("m")
        switch (hasDate || (hasMonthOrMinute && !hasTime), hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return nil
        }
    }

    /// The first `;`-separated section with quoted text, `\x` escapes, `_x`/`*x` padding and non-time
    /// `[…]` blocks removed.
    private static func firstSection(of code: String) -> String {
        var result = ""
        var iterator = code.makeIterator()
        while let character = iterator.next() {
            switch character {
            case ";":
                return result
            case "\"":
                while let inner = iterator.next(), inner != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                var block = ""
                while let inner = iterator.next(), inner != "]" { block.append(inner) }
                let lowered = block.lowercased()
                if ["h", "hh", "m", "mm", "s", "ss"].contains(lowered) { result += lowered }
            default:
                result.append(character)
            }
        }
        return result
    }
}
