import Foundation

/// A department's display name (e.g. 昆都仑区人民法院), 1–40 characters on one line.
public struct DepartmentName: Hashable, Sendable, ValidatedText {
    public let rawValue: String

    public static let maximumLength = 40

    /// Validates a name; surrounding spaces are dropped.
    /// - Throws: `required` when blank, `too_long` over 40 characters, `invalid_format` for line
    ///   breaks and other control characters (they break tables, exports and audit lines).
    public init(_ text: String, field: String = "departmentName") throws(FieldError) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw FieldError.required(field, label: "部门名称") }
        guard value.count <= Self.maximumLength else {
            throw FieldError.tooLong(field, label: "部门名称", max: Self.maximumLength)
        }
        guard !value.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw FieldError(field: field, code: "invalid_format", message: "部门名称不能包含换行或控制字符")
        }
        self.rawValue = value
    }


}
