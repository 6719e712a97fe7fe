import Foundation

/// One scored unit: a township by its area code, a department by its id, a grid worker by their account id.
public struct AssessedUnit: Sendable, Hashable, Codable, Comparable {
    public var kind: AssessedUnitKind
    public var code: String

    public init(_ kind: AssessedUnitKind, _ code: String) {
        self.kind = kind
        self.code = code
    }

    /// The township a case's area lies in (its 12-digit code with the village digits zeroed), nil above townships.
    public static func township(of areaCode: String) -> AssessedUnit? {
        let digits = Array(areaCode.utf8)
        guard digits.count >= 12, digits[6..<9] != [48, 48, 48] else { return nil }
        return AssessedUnit(.township, String(decoding: digits[0..<9], as: UTF8.self) + "000")
    }

    public static func department(_ id: Int64) -> AssessedUnit { AssessedUnit(.department, String(id)) }

    public static func < (lhs: AssessedUnit, rhs: AssessedUnit) -> Bool {
        (lhs.kind.rawValue, lhs.code) < (rhs.kind.rawValue, rhs.code)
    }
}
