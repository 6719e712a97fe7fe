import Foundation

/// An area's code. Administrative areas use the 12-digit statistical division code
/// (2 province + 2 city + 2 county + 3 township + 3 village); a grid extends its village's code with
/// 3 digits, a micro-grid its grid's with 3 more.
public struct AreaCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts 12, 15 or 18 decimal digits.
    public init?(_ rawValue: String) {
        guard [12, 15, 18].contains(rawValue.utf8.count), rawValue.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        self.rawValue = rawValue
    }

    /// The 6-digit county prefix (区/县/旗), used in case numbers.
    public var countyPrefix: String { String(rawValue.prefix(6)) }

    /// The code of a child numbered `sequence` (1-based) at `level` under this code.
    public func child(_ sequence: Int, at level: AreaLevel) -> AreaCode? {
        let digits = Array(rawValue)
        func padded(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let result: String
        switch level {
        case .city: return nil
        case .county: result = String(digits[0..<4]) + padded(sequence, 2) + "000000"
        case .township: result = String(digits[0..<6]) + padded(sequence, 3) + "000"
        case .village: result = String(digits[0..<9]) + padded(sequence, 3)
        case .grid: result = String(digits[0..<12]) + padded(sequence, 3)
        case .microGrid:
            guard digits.count >= 15 else { return nil }
            result = String(digits[0..<15]) + padded(sequence, 3)
        }
        guard sequence > 0, result.count == (level.depth <= 3 ? 12 : level == .grid ? 15 : 18) else { return nil }
        return AreaCode(result)
    }

    public var description: String { rawValue }

    public static func < (lhs: AreaCode, rhs: AreaCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
