import FengqiaoDomain

/// Valid identifiers for made-up people and organisations: resident identity numbers (GB 11643),
/// mobile numbers and unified social credit codes (GB 32100, with a GB 11714 organisation code).
struct DemoIdentifiers: Sendable {
    /// Mobile prefixes of the three carriers.
    private static let mobilePrefixes = [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "153",
        "155", "156", "157", "158", "159", "166", "172", "173", "175", "176", "177", "178", "180", "181", "182",
        "183", "184", "185", "186", "187", "188", "189", "191", "195", "198", "199",
    ]

    /// A mobile number, 1[3-9] and nine more digits.
    static func mobile(_ random: inout DemoRandom) -> String {
        random.pick(mobilePrefixes) + digits(random.below(100_000_000), width: 8)
    }

    /// An identity number with the county's division code; the sequence's parity carries the sex.
    static func identityNumber(
        division: String, year: Int, month: Int, day: Int, male: Bool, _ random: inout DemoRandom
    ) -> ResidentIdentityNumber? {
        let sequence = random.below(500) * 2 + (male ? 1 : 0)
        let birth = digits(year, width: 4) + digits(month, width: 2) + digits(day, width: 2)
        return ResidentIdentityNumber(division: division, birthDate: birth, sequence: sequence)
    }

    /// Days in a month of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][max(0, min(11, month - 1))]
    }

    private static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    private static let organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// A unified social credit code: registering authority and type (`91` company, `92` sole trader,
    /// `93` cooperative, `51`–`53` social organisations), division code, organisation code, check character.
    static func creditCode(typePrefix: String, division: String, _ random: inout DemoRandom) -> String {
        let body = digits(random.below(100_000_000), width: 8)
        let bodyValues = body.compactMap(\.wholeNumberValue)
        let sum = zip(bodyValues, organizationWeights).reduce(0) { $0 + $1.0 * $1.1 }
        let c9 = 11 - sum % 11
        let organizationCode = body + (c9 == 10 ? "X" : c9 == 11 ? "0" : String(c9))
        let first17 = Array(typePrefix + division + organizationCode)
        var total = 0
        for (char, weight) in zip(first17, creditWeights) {
            total += (creditAlphabet.firstIndex(of: char) ?? 0) * weight
        }
        let check = (31 - total % 31) % 31
        return String(first17) + String(creditAlphabet[check])
    }

    /// `n` in decimal, left-padded with zeros to `width`.
    static func digits(_ n: Int, width: Int) -> String {
        let text = String(n)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
