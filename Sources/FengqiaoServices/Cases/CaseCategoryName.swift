import FengqiaoDomain
import Foundation

/// The rules for a category's name: 1–20 characters once surrounding space is trimmed, on one line.
enum CaseCategoryName {
    static let maximumLength = 20

    /// The trimmed name, or the field error that says what is wrong with it.
    static func check(_ raw: String?, field: String = "name") -> Result<String, FieldError> {
        let name = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty { return .failure(.required(field, label: "分类名称")) }
        if name.count > maximumLength { return .failure(.tooLong(field, label: "分类名称", max: maximumLength)) }
        if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            return .failure(FieldError(field: field, code: "invalid_format", message: "分类名称不能包含换行或控制字符"))
        }
        return .success(name)
    }

    /// The error for a name another category of the kind already has.
    static func duplicate(_ name: String, kind: CaseKind, inactive: Bool, field: String = "name") -> FieldError {
        FieldError(
            field: field, code: "duplicate",
            message: "\(kind.chineseName)下已有名为“\(name)”的分类" + (inactive ? "(已停用,可重新启用)" : ""))
    }
}
