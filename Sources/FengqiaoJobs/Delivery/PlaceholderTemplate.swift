import Foundation

/// A text with mustache-style placeholders (`{{phone}}`, `{{text}}` …) and nothing else: no sections,
/// no partials. Values are escaped for where the text goes (a JSON string, a form or URL, as is).
public struct PlaceholderTemplate: Sendable, Equatable {
    public enum Escaping: Sendable, Equatable {
        /// Inside a JSON string literal: quotes, backslashes and control characters escaped.
        case json
        /// In a URL or an `application/x-www-form-urlencoded` body: percent-encoded.
        case percent
        case none
    }

    enum Piece: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    let pieces: [Piece]

    /// Parses `text`; throws naming the first placeholder not in `allowed` or left unclosed.
    public init(_ text: String, allowed: Set<String>) throws(TemplateError) {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            pieces.append(.text(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw .unclosed }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard allowed.contains(name) else { throw .unknown(name) }
            pieces.append(.placeholder(name))
            rest = rest[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces.filter { $0 != .text("") }
    }

    public enum TemplateError: Error, Equatable, Sendable {
        case unclosed
        case unknown(String)
    }

    /// The text with each placeholder replaced by its value, escaped.
    public func render(_ values: [String: String], escaping: Escaping) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .placeholder(let name): Self.escape(values[name] ?? "", escaping)
            }
        }.joined()
    }

    static func escape(_ value: String, _ escaping: Escaping) -> String {
        switch escaping {
        case .none: return value
        case .percent:
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        case .json:
            var out = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
    }
}
