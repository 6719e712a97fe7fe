import Foundation

/// A unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character identifier of every
/// enterprise, social organisation and public body. Layout: registration authority (1), organisation
/// type (1), registering office's division code (6), organisation code (9), check character (1).
public struct UnifiedSocialCreditCode: Hashable, Sendable, ValidatedText {
    /// The normalised code: upper case, no surrounding spaces.
    public let rawValue: String

    /// The 31 characters of the code; I, O, Z, S and V are left out because they look like digits.
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Validates a code as typed: lower case and surrounding spaces are accepted and normalised.
    /// - Throws: `required` when blank, `invalid_length` unless 18 characters, `invalid_character` for
    ///   a character outside the code's alphabet, `invalid_division` when positions 3–8 are not digits,
    ///   `invalid_check_character` when the last character does not match the first 17.
    public init(_ text: String, field: String = "creditCode") throws(FieldError) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let chars = Array(value)
        guard !chars.isEmpty else { throw FieldError.required(field, label: "统一社会信用代码") }
        guard chars.count == 18 else {
            throw FieldError(field: field, code: "invalid_length", message: "统一社会信用代码应为18位")
        }
        guard chars.allSatisfy({ Self.values[$0] != nil }) else {
            throw FieldError(
                field: field, code: "invalid_character",
                message: "统一社会信用代码只能包含数字和除I、O、Z、S、V以外的大写字母")
        }
        guard chars[2..<8].allSatisfy(\.isASCIIDigit) else {
            throw FieldError(field: field, code: "invalid_division", message: "统一社会信用代码第3至8位应为行政区划代码")
        }
        guard Self.checkCharacter(forFirst17: String(chars[0..<17])) == chars[17] else {
            throw FieldError(field: field, code: "invalid_check_character", message: "统一社会信用代码校验位不正确")
        }
        self.rawValue = value
    }

    /// The check character for the first 17 characters, or nil when they are not 17 characters of
    /// the code's alphabet: 31 − (Σ value × weight mod 31), where 31 is written as 0.
    public static func checkCharacter(forFirst17 base: String) -> Character? {
        let numbers = base.compactMap { values[$0] }
        guard base.count == 17, numbers.count == 17 else { return nil }
        let sum = zip(numbers, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// 登记管理部门代码, e.g. `9` for market regulation (工商), `5` for civil affairs (民政), `1` for
    /// public-sector staffing (机构编制).
    public var registrationAuthority: Character { rawValue[rawValue.startIndex] }

    /// 机构类别代码, whose meaning depends on the authority (e.g. `91` 企业, `92` 个体工商户, `51` 社会团体).
    public var organizationType: Character { Array(rawValue)[1] }

    /// The registering office's 6-digit administrative division code (positions 3–8), e.g. `150203`.
    public var divisionCode: String { String(Array(rawValue)[2..<8]) }

    /// The 9-character organisation code (组织机构代码, positions 9–17).
    public var organizationCode: String { String(Array(rawValue)[8..<17]) }

    /// The registration authority's Chinese name for the authorities the standard names, nil otherwise.
    public var registrationAuthorityName: String? {
        switch registrationAuthority {
        case "1": "机构编制"
        case "5": "民政"
        case "9": "市场监管(工商)"
        case "N": "农业农村"
        case "Y": "其他"
        default: nil
        }
    }


}
