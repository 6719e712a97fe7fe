import Foundation

/// One rejected input field: a stable machine code and a Chinese message for people.
public struct FieldError: Error, Sendable, Equatable, Codable {
    /// The field's name as the client sent it (JSON key or form field), e.g. `contact.phone`.
    public var field: String
    /// Stable machine code, e.g. `required`, `too_long`, `invalid_format`.
    public var code: String
    /// Message for people, in Chinese.
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public static func required(_ field: String, label: String) -> FieldError {
        FieldError(field: field, code: "required", message: "请填写\(label)")
    }

    public static func tooLong(_ field: String, label: String, max: Int) -> FieldError {
        FieldError(field: field, code: "too_long", message: "\(label)不能超过\(max)个字")
    }

    public static func invalid(_ field: String, label: String) -> FieldError {
        FieldError(field: field, code: "invalid_format", message: "\(label)格式不正确")
    }
}
