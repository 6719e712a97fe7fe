import FengqiaoDomain
import FengqiaoServices
import Foundation

/// The template context of the risk-rules page: one section per rule, every field labelled and its error beside it.
enum RiskRulePageContext {
    static let windowRules: [(key: String, name: String, unit: String, hint: String)] = [
        ("cluster", "群发", "件", "同一被反映对象、同一事件分类的案件"),
        ("hotspot", "多发", "件", "同一网格同一分类,或同一地址的案件"),
        ("repeated", "重复反映", "件", "同一人反映的案件(含信访)"),
    ]
    static let levels = RiskLevel.allCases

    /// Every field the form sends.
    static var fieldNames: [String] {
        var names: [String] = []
        for rule in windowRules.map(\.key) {
            names += ["\(rule).enabled", "\(rule).windowDays"] + levels.map { "\(rule).\($0.rawValue)" }
        }
        names += ["surge.enabled", "surge.weeks", "surge.minimumCount"] + levels.map { "surge.\($0.rawValue)" }
        names += ["mass.enabled"] + levels.map { "mass.people.\($0.rawValue)" } + levels.map { "mass.amount.\($0.rawValue)" }
        names += ["keyword.enabled", "keyword.lexicon", "keyPerson.enabled"]
        names += PersonTag.allCases.filter(\.isSensitive).map { "keyPerson.\($0.rawValue)" }
        return names
    }

    static func page(_ view: RiskRuleBooks.View, saved: Bool = false, errors: [FieldError] = []) -> [String: Any] {
        let f = view.fields
        func error(_ name: String) -> String? { errors.first { $0.field == name }?.message }
        func input(_ name: String, _ label: String) -> [String: Any] {
            ["name": name, "label": label, "value": f[name] ?? "", "error": error(name) as Any, "invalid": error(name) != nil]
        }
        func marks(_ prefix: String, _ unit: String) -> [[String: Any]] {
            levels.map { level in input("\(prefix).\(level.rawValue)", "\(level.chineseName)(\(unit))") }
        }
        func toggle(_ rule: String) -> [String: Any] { ["name": "\(rule).enabled", "checked": !(f["\(rule).enabled"] ?? "").isEmpty] }
        return [
            "areaCode": view.areaCode, "areaName": view.areaName, "own": view.own, "inheritedFrom": view.inheritedFrom as Any,
            "saved": saved, "errors": errors.map { ["message": $0.message] },
            "children": view.children.map { ["code": $0.code, "name": $0.name] },
            "windowRules": windowRules.map { rule in
                ["name": rule.name, "hint": rule.hint, "toggle": toggle(rule.key),
                 "window": input("\(rule.key).windowDays", "统计天数"), "marks": marks(rule.key, rule.unit)] as [String: Any]
            },
            "surge": ["toggle": toggle("surge"), "weeks": input("surge.weeks", "基线周数"),
                      "minimum": input("surge.minimumCount", "最少件数"), "marks": marks("surge", "个标准差")] as [String: Any],
            "mass": ["toggle": toggle("mass"), "people": marks("mass.people", "人"), "amount": marks("mass.amount", "元")] as [String: Any],
            "keyword": ["toggle": toggle("keyword"), "lexicon": input("keyword.lexicon", "敏感词")] as [String: Any],
            "keyPerson": ["toggle": toggle("keyPerson"), "tags": PersonTag.allCases.filter(\.isSensitive).map { tag in
                let name = "keyPerson.\(tag.rawValue)"
                return ["name": name, "label": tag.chineseName, "error": error(name) as Any,
                        "choices": [["value": "", "name": "不预警", "selected": (f[name] ?? "").isEmpty]]
                            + levels.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": f[name] == $0.rawValue] }]
                    as [String: Any]
            }] as [String: Any],
        ]
    }
}
