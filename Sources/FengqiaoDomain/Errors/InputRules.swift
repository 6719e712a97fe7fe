import Foundation

/// Field rules that several submissions share (residents, organisations, reports).
enum InputRules {
    /// The text without surrounding white space; nil when nothing is left.
    static func text(_ value: String?) -> String? {
        guard let text = value?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// A required grid or micro-grid code (15 or 18 digits) in `field`.
    static func gridCode(_ value: String?, field: String = "gridCode", errors: inout [FieldError]) -> AreaCode? {
        guard let raw = text(value) else {
            errors.append(.required(field, label: "所属网格"))
            return nil
        }
        guard let code = AreaCode(raw), code.level >= .grid else {
            errors.append(.invalid(field, label: "网格编码"))
            return nil
        }
        return code
    }

    /// A required text of at most `max` characters.
    static func required(
        _ value: String?, field: String, label: String, max: Int, errors: inout [FieldError]
    ) -> String? {
        guard let text = text(value) else {
            errors.append(.required(field, label: label))
            return nil
        }
        guard text.count <= max else {
            errors.append(.tooLong(field, label: label, max: max))
            return nil
        }
        return text
    }
}
