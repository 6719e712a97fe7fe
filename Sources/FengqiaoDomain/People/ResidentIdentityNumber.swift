import Foundation

/// A mainland resident identity number (公民身份号码, GB 11643-1999): 6-digit division code, 8-digit
/// birth date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
public struct ResidentIdentityNumber: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Validates length, digits, birth date and check character. Lower-case `x` is accepted.
    public init?(_ text: String) {
        let value = text.uppercased()
        let chars = Array(value)
        guard chars.count == 18, chars[0..<17].allSatisfy(\.isASCIIDigit) else { return nil }
        guard let check = Self.checkCharacter(forFirst17: String(chars[0..<17])), check == chars[17] else { return nil }
        guard Self.isValidBirthDate(String(chars[6..<14])) else { return nil }
        self.rawValue = value
    }

    /// Builds a number from its parts, computing the check character.
    public init?(division: String, birthDate: String, sequence: Int) {
        guard division.count == 6, birthDate.count == 8, (0...999).contains(sequence) else { return nil }
        let seq = String(sequence)
        let first17 = division + birthDate + String(repeating: "0", count: 3 - seq.count) + seq
        guard let check = Self.checkCharacter(forFirst17: first17) else { return nil }
        self.init(first17 + String(check))
    }

    /// ISO 7064 MOD 11-2 check character for the first 17 digits.
    public static func checkCharacter(forFirst17 digits: String) -> Character? {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 17 else { return nil }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    private static func isValidBirthDate(_ yyyymmdd: String) -> Bool {
        let d = yyyymmdd.compactMap(\.wholeNumberValue)
        guard d.count == 8 else { return false }
        let year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]
        let month = d[4] * 10 + d[5]
        let day = d[6] * 10 + d[7]
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Gender from the sequence digit: odd is male.
    public var isMale: Bool { (Array(rawValue)[16].wholeNumberValue ?? 0) % 2 == 1 }

    /// `150203********1234`: division code and last four shown.
    public var masked: String { String(rawValue.prefix(6)) + String(repeating: "*", count: 8) + String(rawValue.suffix(4)) }

    public var description: String { masked }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
