import Foundation

/// `Content-Disposition: attachment` for a download under a name that may be Chinese: an ASCII
/// `filename` for old clients and the exact name as RFC 5987 `filename*` (UTF-8, percent-encoded),
/// which every current browser prefers.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        "attachment; filename=\"\(asciiFallback(filename))\"; filename*=UTF-8''\(rfc5987(filename))"
    }

    /// Printable ASCII without quote, backslash and percent; anything else becomes `_`.
    static func asciiFallback(_ name: String) -> String {
        String(name.unicodeScalars.map { scalar -> Character in
            (0x20...0x7E).contains(scalar.value) && !"\"\\%".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        })
    }

    /// RFC 5987 `value-chars`: `attr-char` kept, every other UTF-8 byte as `%XX`.
    static func rfc5987(_ name: String) -> String {
        let attrChars = Set("!#$&+-.^_`|~".utf8)
        var result = ""
        for byte in name.utf8 {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || attrChars.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { count >= length ? self : String(repeating: "0", count: length - count) + self }
}
