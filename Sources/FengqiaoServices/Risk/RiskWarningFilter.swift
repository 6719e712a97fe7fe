import FengqiaoDomain
import Foundation

/// The warning list's filters as sent: state (or `open`), level, rule, area, and the keyset cursor.
public struct RiskWarningFilter: Sendable, Equatable {
    public var state: String?
    public var level: String?
    public var rule: String?
    public var area: String?
    public var before: String?

    public init(state: String? = nil, level: String? = nil, rule: String? = nil, area: String? = nil, before: String? = nil) {
        func clean(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        self.state = clean(state)
        self.level = clean(level)
        self.rule = clean(rule)
        self.area = clean(area)
        self.before = clean(before)
    }

    func problems() -> [FieldError] {
        var problems: [FieldError] = []
        if let state, state != "open", RiskWarningState(rawValue: state) == nil {
            problems.append(FieldError(field: "state", code: "invalid_choice", message: "预警状态不在可选范围内"))
        }
        if let level, RiskLevel(rawValue: level) == nil {
            problems.append(FieldError(field: "level", code: "invalid_choice", message: "预警等级不在可选范围内"))
        }
        if let rule, RiskRuleKind(rawValue: rule) == nil {
            problems.append(FieldError(field: "rule", code: "invalid_choice", message: "预警规则不在可选范围内"))
        }
        if let before, Int64(before).map({ $0 <= 0 }) ?? true {
            problems.append(FieldError(field: "before", code: "invalid_format", message: "翻页位置无效"))
        }
        return problems
    }
}
