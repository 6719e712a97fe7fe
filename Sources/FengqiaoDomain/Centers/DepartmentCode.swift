import Foundation

/// A department's stable code. The nine core departments use their `CoreDepartment` raw value
/// (`politicsLaw`, `justice` …); every "+N" department gets a code of 2–32 lower-case ASCII letters,
/// digits and hyphens that starts with a letter and does not end with a hyphen (`court`,
/// `market-regulation`, `procuratorate-2`). One namespace, so `justice` always means the core one.
public struct DepartmentCode: Hashable, Sendable, Comparable, ValidatedText {
    public let rawValue: String

    /// The code of a core department.
    public init(_ core: CoreDepartment) { self.rawValue = core.rawValue }

    /// Validates a code as typed; surrounding spaces are dropped, case is not changed (codes are keys).
    /// - Throws: `required` when blank, `too_short` under 2 characters, `too_long` over 32,
    ///   `invalid_format` for other characters or a bad first/last character, `reserved` for a
    ///   lower-cased spelling of a core code (`politicslaw`), which would be read as a different department.
    public init(_ text: String, field: String = "departmentCode") throws(FieldError) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw FieldError.required(field, label: "部门编码") }
        if CoreDepartment(rawValue: value) != nil {
            self.rawValue = value
            return
        }
        let bytes = Array(value.utf8)
        guard bytes.count >= 2 else {
            throw FieldError(field: field, code: "too_short", message: "部门编码至少2个字符")
        }
        guard bytes.count <= 32 else { throw FieldError.tooLong(field, label: "部门编码", max: 32) }
        let isLetter: (UInt8) -> Bool = { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        let isDigit: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        let hyphen = UInt8(ascii: "-")
        guard bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == hyphen }),
            let first = bytes.first, isLetter(first), bytes.last != hyphen
        else {
            throw FieldError(
                field: field, code: "invalid_format", message: "部门编码只能用小写字母、数字和连字符,并以字母开头、不以连字符结尾")
        }
        guard !CoreDepartment.allCases.contains(where: { $0.rawValue.lowercased() == value }) else {
            throw FieldError(field: field, code: "reserved", message: "部门编码\(value)与核心部门编码冲突")
        }
        self.rawValue = value
    }

    /// The core department this code names, nil for a "+N" department.
    public var coreDepartment: CoreDepartment? { CoreDepartment(rawValue: rawValue) }


    public static func < (lhs: DepartmentCode, rhs: DepartmentCode) -> Bool { lhs.rawValue < rhs.rawValue }

}
