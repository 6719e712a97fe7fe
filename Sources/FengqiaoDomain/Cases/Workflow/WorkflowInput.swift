import Foundation

/// Collects the field errors of one command's input, so that all of them are reported at once.
struct WorkflowInput {
    private(set) var errors: [FieldError] = []

    /// Required text, trimmed, at most `max` characters.
    mutating func text(_ value: String?, _ field: String, _ label: String, max: Int = 1000) -> String {
        InputRules.required(value, field: field, label: label, max: max, errors: &errors) ?? ""
    }

    /// Optional text, trimmed; nil when blank.
    mutating func optionalText(_ value: String?, _ field: String, _ label: String, max: Int = 1000) -> String? {
        guard let text = InputRules.text(value) else { return nil }
        guard text.count <= max else {
            errors.append(.tooLong(field, label: label, max: max))
            return nil
        }
        return text
    }

    /// References to uploaded files (photos, signatures), trimmed, blanks dropped.
    mutating func evidence(_ values: [String], required: Bool) -> [String] {
        let items = values.compactMap(InputRules.text)
        if required, items.isEmpty {
            errors.append(FieldError(field: "evidence", code: "required", message: "请上传现场照片或当事人签字等佐证材料"))
        }
        if items.count > 20 {
            errors.append(FieldError(field: "evidence", code: "too_many", message: "佐证材料最多20项"))
        }
        if items.contains(where: { $0.count > 200 }) {
            errors.append(.tooLong("evidence", label: "佐证材料编号", max: 200))
        }
        return items
    }

    /// A date that must lie after `now` (deadlines).
    mutating func future(_ date: Date, after now: Date, _ field: String, _ label: String) {
        guard date > now else {
            errors.append(FieldError(field: field, code: "not_in_future", message: "\(label)须晚于当前时间"))
            return
        }
    }

    mutating func add(_ error: FieldError) { errors.append(error) }

    func check() throws(DomainError) {
        guard errors.isEmpty else { throw .validation(errors) }
    }
}
