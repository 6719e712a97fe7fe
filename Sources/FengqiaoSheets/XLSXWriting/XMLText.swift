/// Escapes text for XML 1.0 and drops the characters XML 1.0 cannot carry at all.
///
/// Allowed: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up (Swift strings hold no lone
/// surrogates). Everything else (NUL, other C0 controls, U+FFFE, U+FFFF) is removed. CR is written as
/// `&#13;` because XML parsers turn a literal CR into LF; in attributes tab and LF are references too.
enum XMLText {
    /// Escaped character data for an element's content.
    static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Escaped value for a double-quoted attribute.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// Whether `value` may appear in an XML 1.0 document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        let needsWork = text.unicodeScalars.contains { scalar in
            !isAllowed(scalar) || "&<>\"\r\t\n".unicodeScalars.contains(scalar)
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "\r": result += "&#13;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
