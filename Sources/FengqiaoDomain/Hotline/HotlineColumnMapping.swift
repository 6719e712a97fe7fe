import Foundation

/// A named column mapping (导入方案): which file headers or JSON keys mean which work-order field.
/// Every installation has the standard profile (`默认`, the Chinese headers of the 12345 platform);
/// administrators change it or add profiles for platforms that name their columns differently.
public struct HotlineColumnMapping: Sendable, Equatable {
    public static let standardName = "默认"
    /// Most names one field may have.
    public static let maximumNames = 10
    public static let maximumNameLength = 40

    public let name: String
    /// The names of each field's column, matched against headers and keys after trimming spaces.
    public let names: [HotlineField: [String]]

    public init(name: String, names: [HotlineField: [String]]) {
        self.name = name
        self.names = names
    }

    /// The standard profile.
    public static let standard = HotlineColumnMapping(
        name: standardName, names: Dictionary(uniqueKeysWithValues: HotlineField.allCases.map { ($0, $0.standardNames) }))

    /// The names of `field`'s column.
    public func names(for field: HotlineField) -> [String] { names[field] ?? [] }

    /// The names as one line each field, as the editor shows them ("工单编号、workOrderNumber").
    public func text(for field: HotlineField) -> String { names(for: field).joined(separator: "、") }

    /// A profile from the editor's fields: its name (`name`) and, per field, names separated by
    /// commas, 、 or semicolons (`names.<field>`). Required fields need at least one name; no name may
    /// stand for two fields.
    public static func validated(name: String?, names: [HotlineField: String]) throws(DomainError) -> HotlineColumnMapping {
        var errors: [FieldError] = []
        let profile = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if profile.isEmpty {
            errors.append(.required("name", label: "方案名称"))
        } else if profile.count > 40 {
            errors.append(.tooLong("name", label: "方案名称", max: 40))
        } else if profile.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            errors.append(.invalid("name", label: "方案名称"))
        }
        var parsed: [HotlineField: [String]] = [:]
        var owner: [String: HotlineField] = [:]
        for field in HotlineField.allCases {
            let key = "names.\(field.rawValue)"
            var list: [String] = []
            for part in (names[field] ?? "").split(whereSeparator: { ",，、;；\n\r".contains($0) }) {
                let item = part.trimmingCharacters(in: .whitespaces)
                guard !item.isEmpty, !list.contains(item) else { continue }
                list.append(item)
            }
            if list.isEmpty, field.isRequired {
                errors.append(FieldError(field: key, code: "required", message: "请填写“\(field.chineseName)”对应的列名"))
            }
            if list.count > maximumNames {
                errors.append(FieldError(field: key, code: "too_many", message: "“\(field.chineseName)”最多\(maximumNames)个列名"))
            }
            if list.contains(where: { $0.count > maximumNameLength }) {
                errors.append(.tooLong(key, label: "“\(field.chineseName)”的列名", max: maximumNameLength))
            }
            for item in list {
                if let other = owner[item] {
                    errors.append(FieldError(field: key, code: "duplicate",
                                             message: "列名“\(item)”已用于“\(other.chineseName)”,同一列名不能对应两个字段"))
                } else {
                    owner[item] = field
                }
            }
            parsed[field] = list
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return HotlineColumnMapping(name: profile, names: parsed)
    }
}
