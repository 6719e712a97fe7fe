import Foundation

/// How a work order's 诉求类型 becomes the case's kind and category (事件类型/事项分类): the table the
/// administrators keep, then a type that already is a category (噪音扰民) or a kind (矛盾纠纷), then the
/// fallback. Without a fallback an unknown type is a row error.
public struct HotlineTypeMapping: Sendable, Equatable {
    /// A kind and one of its categories.
    public struct Target: Sendable, Hashable {
        public var kind: CaseKind
        public var category: String

        public init(kind: CaseKind, category: String) {
            self.kind = kind
            self.category = category
        }

        /// `事件类型/事项分类`, as the editor writes it.
        public var text: String { "\(kind.chineseName)/\(category)" }
    }

    public static let maximumEntries = 500

    /// By hotline type, as trimmed.
    public var entries: [String: Target]
    public var fallback: Target?

    public init(entries: [String: Target] = [:], fallback: Target? = nil) {
        self.entries = entries
        self.fallback = fallback
    }

    /// The kind and category for `requestType` (nil or empty: the fallback), nil when none applies.
    public func target(for requestType: String?) -> Target? {
        guard let type = requestType?.trimmingCharacters(in: .whitespaces), !type.isEmpty else { return fallback }
        return entries[type] ?? Self.target(named: type) ?? fallback
    }

    /// A target from its text: `分类`, `事件类型`, or `事件类型/分类` (Chinese names or code names).
    public static func target(named text: String) -> Target? {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2 {
            guard let kind = kind(named: parts[0]), kind.defaultCategories.contains(parts[1]) else { return nil }
            return Target(kind: kind, category: parts[1])
        }
        guard let name = parts.first, !name.isEmpty else { return nil }
        if let owner = CaseKind.allCases.first(where: { $0.defaultCategories.contains(name) }) {
            return Target(kind: owner, category: name)
        }
        if let kind = kind(named: name), let first = kind.defaultCategories.first {
            return Target(kind: kind, category: first)
        }
        return nil
    }

    static func kind(named name: String) -> CaseKind? {
        CaseKind(rawValue: name) ?? CaseKind.allCases.first { $0.chineseName == name }
    }

    /// The table as the editor shows it: one `诉求类型=事件类型/事项分类` per line, sorted.
    public var lines: String {
        entries.keys.sorted().compactMap { key in entries[key].map { "\(key)=\($0.text)" } }.joined(separator: "\n")
    }

    /// The mapping from the editor: `lines` (one `诉求类型=目标` per line; blank lines and lines starting
    /// with `#` are skipped) and the fallback (`fallback`: a target's text, empty for none). Every bad
    /// line is named by its number.
    public static func parse(lines: String, fallback: String?) throws(DomainError) -> HotlineTypeMapping {
        var errors: [FieldError] = []
        var entries: [String: Target] = [:]
        for (index, raw) in lines.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                errors.append(FieldError(field: "types", code: "invalid_format",
                                         message: "第\(index + 1)行应写成“诉求类型=事件类型/事项分类”"))
                continue
            }
            if parts[0].count > HotlineWorkOrderSubmission.requestTypeLimit {
                errors.append(FieldError(field: "types", code: "too_long",
                                         message: "第\(index + 1)行的诉求类型超过\(HotlineWorkOrderSubmission.requestTypeLimit)个字"))
                continue
            }
            guard let target = target(named: parts[1]) else {
                errors.append(FieldError(field: "types", code: "invalid_choice",
                                         message: "第\(index + 1)行:“\(parts[1].prefix(40))”不是有效的事件类型或事项分类"))
                continue
            }
            if entries[parts[0]] != nil {
                errors.append(FieldError(field: "types", code: "duplicate", message: "第\(index + 1)行:诉求类型“\(parts[0])”重复"))
                continue
            }
            entries[parts[0]] = target
        }
        if entries.count > maximumEntries {
            errors.append(FieldError(field: "types", code: "too_many", message: "对应关系最多\(maximumEntries)条"))
        }
        var fallbackTarget: Target?
        if let text = fallback?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            fallbackTarget = target(named: text)
            if fallbackTarget == nil {
                errors.append(FieldError(field: "fallback", code: "invalid_choice", message: "兜底分类不是有效的事件类型或事项分类"))
            }
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return HotlineTypeMapping(entries: entries, fallback: fallbackTarget)
    }
}
