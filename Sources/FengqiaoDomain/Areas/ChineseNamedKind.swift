import Foundation

/// A closed list of kinds that the platform stores by a stable English raw value and shows in Chinese
/// (人员标签, 场所类型, 组织类型 …). Imports and forms send either spelling, so parsing accepts both.
public protocol ChineseNamedKind: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The name people see.
    var chineseName: String { get }
    /// Other Chinese spellings people type for the same kind (e.g. 贫困家庭 for 困难家庭).
    var aliases: [String] { get }
    /// What the list is called, for error messages, e.g. `人员标签`.
    static var kindLabel: String { get }
}

extension ChineseNamedKind {
    public var aliases: [String] { [] }

    /// Parses a Chinese name, an alias or the raw value (raw values case-insensitively). Surrounding
    /// spaces and full-width parentheses are tolerated because spreadsheets are full of them.
    /// - Throws: `required` for blank input, `unknown_value` for anything else not in the list.
    public init(parsing text: String, field: String) throws(FieldError) {
        let wanted = Self.normalizedSpelling(text)
        guard !wanted.isEmpty else { throw FieldError.required(field, label: Self.kindLabel) }
        let lowered = wanted.lowercased()
        let found = Self.allCases.first { kind in
            kind.rawValue.lowercased() == lowered
                || Self.normalizedSpelling(kind.chineseName) == wanted
                || kind.aliases.contains { Self.normalizedSpelling($0) == wanted }
        }
        guard let found else {
            // Echo only a short prefix: the message is shown back to people and logged.
            let message = "无法识别的\(Self.kindLabel)\u{FF1A}\(wanted.prefix(20))"
            throw FieldError(field: field, code: "unknown_value", message: message)
        }
        self = found
    }

    private static func normalizedSpelling(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\u{FF08}", with: "(")
            .replacingOccurrences(of: "\u{FF09}", with: ")")
    }
}
