import Foundation

/// The password rules the security admin sets. Default: at least 8 characters from at least 3 of the
/// 4 classes (upper case, lower case, digits, symbols), at most 72 bytes (bcrypt's limit).
public struct PasswordPolicy: Sendable, Hashable, Codable {
    public var minimumLength: Int
    public var minimumClasses: Int

    public init(minimumLength: Int = 8, minimumClasses: Int = 3) {
        self.minimumLength = minimumLength
        self.minimumClasses = minimumClasses
    }

    /// The field errors for `password`, empty when it passes.
    public func problems(_ password: String, field: String = "password") -> [FieldError] {
        if password.utf8.count > 72 {
            return [FieldError(field: field, code: "too_long", message: "密码不能超过72个字节")]
        }
        if password.count < minimumLength {
            return [FieldError(field: field, code: "too_short", message: "密码至少需要\(minimumLength)个字符")]
        }
        var classes = 0
        if password.contains(where: { $0.isASCII && $0.isUppercase }) { classes += 1 }
        if password.contains(where: { $0.isASCII && $0.isLowercase }) { classes += 1 }
        if password.contains(where: { $0.isASCII && $0.isNumber }) { classes += 1 }
        if password.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) { classes += 1 }
        guard classes >= minimumClasses else {
            return [FieldError(
                field: field, code: "too_weak",
                message: "密码需包含大写字母、小写字母、数字、符号中的至少\(minimumClasses)类")]
        }
        return []
    }
}
