import Foundation

/// The code a resident uses to follow a case without an account (一案一码): 12 characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L), shown in groups of four: `K7QM-3WXP-9RTD`.
public struct TrackingCode: Hashable, Sendable, CustomStringConvertible {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public let rawValue: String

    /// Builds a code from 12 random bytes (the caller supplies randomness; the domain reads none).
    public init(randomBytes: [UInt8]) {
        precondition(randomBytes.count >= 12, "tracking code needs 12 random bytes")
        let n = Self.alphabet.count
        self.rawValue = String(randomBytes.prefix(12).map { Self.alphabet[Int($0) % n] })
    }

    /// Parses user input: case-insensitive, dashes and spaces ignored.
    public init?(_ text: String) {
        let cleaned = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard cleaned.count == 12, cleaned.allSatisfy({ Self.alphabet.contains($0) }) else { return nil }
        self.rawValue = cleaned
    }

    public var description: String {
        let c = Array(rawValue)
        return String(c[0..<4]) + "-" + String(c[4..<8]) + "-" + String(c[8..<12])
    }
}
