import Foundation

/// A rule book as an administrator's form sends it: flat fields such as `cluster.enabled`, `cluster.windowDays`,
/// `cluster.blue` … `cluster.red`, `mass.people.blue`, `mass.amount.red` (yuan), `surge.minimumCount`, `surge.weeks`,
/// `keyword.lexicon` (one 「词 等级」 per line, the level as 蓝/黄/橙/红) and `keyPerson.<tag>` (a level, or empty
/// for none). A blank mark leaves that level out; every error is reported at once.
public enum RiskRuleBookSubmission {
    /// The book the fields describe, or every field error.
    public static func book(from fields: [String: String]) throws(DomainError) -> RiskRuleBook {
        var errors: [FieldError] = []
        func text(_ name: String) -> String? {
            fields[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func enabled(_ rule: String) -> Bool { ["on", "1", "true"].contains(text("\(rule).enabled") ?? "") }
        func integer(_ name: String, label: String, default value: Int) -> Int {
            guard let raw = text(name) else {
                errors.append(.required(name, label: label))
                return value
            }
            guard let parsed = Int(raw) else {
                errors.append(FieldError(field: name, code: "invalid_format", message: "\(label)须为整数"))
                return value
            }
            return parsed
        }
        func mark(_ name: String) -> Double? {
            guard let raw = text(name) else { return nil }
            guard let value = Double(raw), value.isFinite else {
                errors.append(FieldError(field: name, code: "invalid_format", message: "阈值须为数字"))
                return nil
            }
            return value
        }
        func bands(_ prefix: String) -> RiskLevelBands {
            guard let blue = mark("\(prefix).blue") else {
                if text("\(prefix).blue") == nil {
                    errors.append(FieldError(field: "\(prefix).blue", code: "required", message: "请填写蓝色阈值(最低一级)"))
                }
                return RiskLevelBands(blue: 1)
            }
            return RiskLevelBands(blue: blue, yellow: mark("\(prefix).yellow"), orange: mark("\(prefix).orange"),
                                  red: mark("\(prefix).red"))
        }
        func window(_ rule: String) -> WindowCountRule {
            WindowCountRule(enabled: enabled(rule), windowDays: integer("\(rule).windowDays", label: "统计天数", default: 30),
                            bands: bands(rule))
        }
        let book = RiskRuleBook(
            cluster: window("cluster"), hotspot: window("hotspot"), repeated: window("repeated"),
            surge: SurgeRule(enabled: enabled("surge"), weeks: integer("surge.weeks", label: "基线周数", default: 8),
                             minimumCount: integer("surge.minimumCount", label: "最少件数", default: 5), bands: bands("surge")),
            mass: MassRule(enabled: enabled("mass"), peopleBands: bands("mass.people"), amountBands: bands("mass.amount")),
            keyword: KeywordRule(enabled: enabled("keyword"), lexicon: lexicon(text("keyword.lexicon") ?? "", errors: &errors)),
            keyPerson: KeyPersonRule(enabled: enabled("keyPerson"), tags: tagLevels(fields, errors: &errors)))
        let problems = errors + book.problems().filter { problem in !errors.contains { $0.field == problem.field } }
        guard problems.isEmpty else { throw .validation(problems) }
        return book
    }

    /// The fields that show `book` in the form (the inverse of `book(from:)`).
    public static func fields(of book: RiskRuleBook) -> [String: String] {
        var fields: [String: String] = [:]
        func number(_ value: Double) -> String { RiskMeasure.number(value) }
        func put(_ prefix: String, _ bands: RiskLevelBands) {
            for (level, value) in bands.marks { fields["\(prefix).\(level.rawValue)"] = number(value) }
        }
        for (rule, window) in [("cluster", book.cluster), ("hotspot", book.hotspot), ("repeated", book.repeated)] {
            fields["\(rule).enabled"] = window.enabled ? "on" : ""
            fields["\(rule).windowDays"] = String(window.windowDays)
            put(rule, window.bands)
        }
        fields["surge.enabled"] = book.surge.enabled ? "on" : ""
        fields["surge.weeks"] = String(book.surge.weeks)
        fields["surge.minimumCount"] = String(book.surge.minimumCount)
        put("surge", book.surge.bands)
        fields["mass.enabled"] = book.mass.enabled ? "on" : ""
        put("mass.people", book.mass.peopleBands)
        put("mass.amount", book.mass.amountBands)
        fields["keyword.enabled"] = book.keyword.enabled ? "on" : ""
        fields["keyword.lexicon"] = book.keyword.lexicon.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \($0.value.chineseName.prefix(1))" }.joined(separator: "\n")
        fields["keyPerson.enabled"] = book.keyPerson.enabled ? "on" : ""
        for (tag, level) in book.keyPerson.tags { fields["keyPerson.\(tag.rawValue)"] = level.rawValue }
        return fields
    }

    static func level(_ text: String) -> RiskLevel? {
        RiskLevel(rawValue: text) ?? RiskLevel.allCases.first { $0.chineseName == text || String($0.chineseName.prefix(1)) == text }
    }

    static func lexicon(_ text: String, errors: inout [FieldError]) -> [String: RiskLevel] {
        var lexicon: [String: RiskLevel] = [:]
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !parts.isEmpty else { continue }
            guard parts.count == 2, let level = level(parts[1]) else {
                errors.append(FieldError(field: "keyword.lexicon", code: "invalid_format",
                                         message: "敏感词第\(number + 1)行应为「词 等级」,等级为蓝、黄、橙或红"))
                continue
            }
            lexicon[parts[0]] = level
        }
        return lexicon
    }

    static func tagLevels(_ fields: [String: String], errors: inout [FieldError]) -> [PersonTag: RiskLevel] {
        var tags: [PersonTag: RiskLevel] = [:]
        for tag in PersonTag.allCases where tag.isSensitive {
            let raw = fields["keyPerson.\(tag.rawValue)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !raw.isEmpty else { continue }
            guard let level = level(raw) else {
                errors.append(FieldError(field: "keyPerson.\(tag.rawValue)", code: "invalid_choice", message: "预警等级不在可选范围内"))
                continue
            }
            tags[tag] = level
        }
        return tags
    }
}
