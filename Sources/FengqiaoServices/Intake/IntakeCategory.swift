import FengqiaoDomain
import Foundation

/// The category an intake names, looked up in the edited category tree: by code (`dispute.neighbour`),
/// else by name within the kind given (or any kind). Only active categories are offered and accepted.
enum IntakeCategory {
    static func resolve(kind: String?, category: String?, in tree: CaseCategoryTree) -> Result<CaseCategory, FieldError> {
        var chosenKind: CaseKind?
        if let text = kind?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            chosenKind = CaseKind(rawValue: text) ?? CaseKind.allCases.first { $0.chineseName == text }
            if chosenKind == nil {
                return .failure(FieldError(field: "kind", code: "invalid_choice", message: "事件类型不在可选范围内"))
            }
        }
        guard let text = category?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return .failure(FieldError(field: "category", code: "required", message: "请选择事件分类"))
        }
        let active = tree.activeOnly
        let all = active.kinds.flatMap(\.categories)
        let found = all.first { $0.code == text }
            ?? all.first { $0.name == text && (chosenKind == nil || $0.kind == chosenKind) }
        guard let found else {
            return .failure(FieldError(field: "category", code: "invalid_choice", message: "事件分类不在可选范围内(或已停用)"))
        }
        if let chosenKind, chosenKind != found.kind {
            return .failure(FieldError(field: "category", code: "invalid_choice", message: "事件分类与事件类型不符"))
        }
        return .success(found)
    }
}
