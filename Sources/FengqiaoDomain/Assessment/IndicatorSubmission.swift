import Foundation

/// An indicator the assessor defines, as typed on `/admin/assessment-indicators`: its name, the kind of unit it
/// scores, where its values come from (`source`: `reported` 人工填报, or `category` a built-in case measure counted
/// for one category of cases), for a reported one its shape (`rate` or `count`) and direction (`higher` or `lower`
/// is better), for a category one the built-in measure (`base`) and the category (`category`, its code), and 口径说明.
public struct IndicatorSubmission: Sendable, Hashable {
    public var name: String?
    public var unitKind: String?
    public var source: String?
    public var shape: String?
    public var direction: String?
    public var base: String?
    public var category: String?
    public var explanation: String?

    public init(name: String?, unitKind: String?, source: String?, shape: String? = nil, direction: String? = nil,
                base: String? = nil, category: String? = nil, explanation: String? = nil) {
        self.name = name
        self.unitKind = unitKind
        self.source = source
        self.shape = shape
        self.direction = direction
        self.base = base
        self.category = category
        self.explanation = explanation
    }

    public static let maxNameLength = 20
    public static let maxExplanationLength = 300

    /// The indicator this submission defines, under `key`.
    /// - Parameter taken: the names of the indicators there already are (built in and defined): a name says which.
    /// - Parameter categories: the case categories by code, with their names.
    public func validate(key: String, taken: Set<String>, categories: [String: String]) throws(DomainError) -> AssessmentIndicator {
        var errors: [FieldError] = []
        let name = InputRules.required(self.name, field: "name", label: "指标名称", max: Self.maxNameLength, errors: &errors)
        if let name, taken.contains(name) {
            errors.append(FieldError(field: "name", code: "duplicate", message: "已有名为“\(name)”的考核指标"))
        }
        var kind: AssessedUnitKind?
        if let raw = InputRules.text(unitKind) {
            kind = AssessedUnitKind(rawValue: raw)
            if kind == nil { errors.append(FieldError(field: "unitKind", code: "unknown", message: "没有这类考核对象")) }
        } else {
            errors.append(FieldError(field: "unitKind", code: "required", message: "请选择考核对象"))
        }
        let explanation = InputRules.text(self.explanation)
        if let explanation, explanation.count > Self.maxExplanationLength {
            errors.append(.tooLong("explanation", label: "口径说明", max: Self.maxExplanationLength))
        }

        var source: IndicatorSource?
        var isRate = false, higherIsBetter = true
        switch InputRules.text(self.source) {
        case "reported":
            source = .reported
            switch InputRules.text(shape) {
            case "rate": isRate = true
            case "count": isRate = false
            default: errors.append(FieldError(field: "shape", code: "required", message: "请选择指标是比率还是数量"))
            }
            switch InputRules.text(direction) {
            case "higher": higherIsBetter = true
            case "lower": higherIsBetter = false
            default: errors.append(FieldError(field: "direction", code: "required", message: "请选择越高越好还是越低越好"))
            }
            if explanation == nil {
                errors.append(FieldError(field: "explanation", code: "required", message: "人工填报的指标请写明口径说明(怎样计数)"))
            }
        case "category":
            let named = InputRules.text(self.base)
            var base = named.flatMap(AssessmentIndicator.builtIn)
            if let found = base, !AssessmentIndicator.categoryBases.contains(found) {
                errors.append(FieldError(field: "base", code: "not_applicable", message: "\(found.chineseName)不能按事项类别统计"))
                base = nil
            } else if let found = base {
                isRate = found.isRate
                higherIsBetter = found.higherIsBetter
                if let kind, !found.unitKinds.contains(kind) {
                    errors.append(FieldError(field: "base", code: "not_applicable", message: "\(found.chineseName)不适用于\(kind.chineseName)"))
                }
            } else {
                errors.append(named == nil ? FieldError(field: "base", code: "required", message: "请选择按哪项案件指标统计")
                    : FieldError(field: "base", code: "unknown", message: "没有该案件指标"))
            }
            let code = InputRules.text(category)
            if let code, let categoryName = categories[code], let base {
                source = .category(base: base.key, category: code, categoryName: categoryName)
            } else if code == nil {
                errors.append(FieldError(field: "category", code: "required", message: "请选择事项类别"))
            } else if categories[code ?? ""] == nil {
                errors.append(FieldError(field: "category", code: "unknown", message: "没有该事项类别"))
            }
        case nil:
            errors.append(FieldError(field: "source", code: "required", message: "请选择数据来源"))
        default:
            errors.append(FieldError(field: "source", code: "unknown", message: "数据来源应为人工填报或按类别统计"))
        }
        guard errors.isEmpty, let name, let kind, let source else { throw .validation(errors) }
        return AssessmentIndicator(key: key, chineseName: name, isRate: isRate, higherIsBetter: higherIsBetter,
                                   unitKinds: [kind], source: source, explanation: explanation)
    }
}
