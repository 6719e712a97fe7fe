import Foundation

/// What someone typed into the global search box: trimmed, not empty, at most `maximumLength`
/// characters (longer input is a field error rather than a silent cut, so nobody wonders why a long
/// paste found nothing).
public struct SearchTerm: Sendable, Equatable, CustomStringConvertible {
    public static let maximumLength = 50

    public let text: String

    public init(_ raw: String?) throws(DomainError) {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw .validation([FieldError(field: "q", code: "required", message: "请输入要搜索的内容")])
        }
        guard text.count <= Self.maximumLength else {
            throw .validation([FieldError(field: "q", code: "too_long", message: "搜索内容不能超过\(Self.maximumLength)个字")])
        }
        self.text = text
    }

    public var description: String { text }
}
