import Foundation

/// A readable case number unique per county and year: `150207-2026-000123`.
public struct CaseNumber: Hashable, Sendable, CustomStringConvertible, Codable {
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
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[2].count == 6, let year = Int(parts[1]), let seq = Int(parts[2]) else { return nil }
        self.init(countyPrefix: String(parts[0]), year: year, sequence: seq)
    }

    public var description: String {
        let seq = String(sequence)
        return "\(countyPrefix)-\(year)-" + String(repeating: "0", count: 6 - seq.count) + seq
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let value = CaseNumber(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a case number: \(text)")
        }
        self = value
    }
}
