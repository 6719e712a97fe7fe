import Foundation

/// A mainland mobile number (11 digits, 1[3-9]…) or a landline with area code (e.g. 0472-5123456).
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        let value = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        if Self.isMobile(value) || Self.isLandline(value) {
            self.rawValue = value
        } else {
            return nil
        }
    }

    private static func isMobile(_ v: String) -> Bool {
        let c = Array(v)
        return c.count == 11 && c.allSatisfy(\.isASCIIDigit) && c[0] == "1" && ("3"..."9").contains(c[1])
    }

    private static func isLandline(_ v: String) -> Bool {
        let parts = v.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].first == "0", (3...4).contains(parts[0].count), (7...8).contains(parts[1].count)
        else { return false }
        return parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }

    /// `138****5678` for mobiles; landlines keep the area code and the last four.
    public var masked: String {
        if let dash = rawValue.firstIndex(of: "-") {
            let tail = rawValue[rawValue.index(after: dash)...]
            return String(rawValue[...dash]) + String(repeating: "*", count: tail.count - 4) + String(tail.suffix(4))
        }
        return String(rawValue.prefix(3)) + "****" + String(rawValue.suffix(4))
    }

    public var description: String { masked }
}
