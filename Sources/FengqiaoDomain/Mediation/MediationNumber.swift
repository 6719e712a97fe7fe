import Foundation

/// A readable mediation case number, unique per county and year, beside the case number it belongs to:
/// `M150207-2026-000042`.
public struct MediationNumber: Hashable, Sendable, CustomStringConvertible {
    public let countyPrefix: String
    public let year: Int
    public let sequence: Int

    public init?(countyPrefix: String, year: Int, sequence: Int) {
        guard countyPrefix.count == 6, countyPrefix.allSatisfy(\.isASCIIDigit), (2000...9999).contains(year),
              (1...999_999).contains(sequence)
        else { return nil }
        self.countyPrefix = countyPrefix
        self.year = year
        self.sequence = sequence
    }

    public init?(_ text: String) {
        guard text.hasPrefix("M") else { return nil }
        let parts = text.dropFirst().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 4, parts[2].count == 6, parts[2].allSatisfy(\.isASCIIDigit),
              let year = Int(parts[1]), let sequence = Int(parts[2])
        else { return nil }
        self.init(countyPrefix: String(parts[0]), year: year, sequence: sequence)
    }

    public var description: String {
        let digits = String(sequence)
        return "M\(countyPrefix)-\(year)-" + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
