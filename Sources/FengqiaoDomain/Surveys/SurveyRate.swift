import Foundation

/// A share to one decimal of a percent, kept in tenths (`875` is 87.5%) so that it is exact and compares as
/// an integer; nil when there is nothing to divide by.
public struct SurveyRate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let tenths: Int

    /// `part / whole`, rounded half up to a tenth of a percent; nil for an empty whole.
    public init?(_ part: Int, of whole: Int) {
        guard whole > 0, part >= 0 else { return nil }
        tenths = (part * 2000 + whole) / (2 * whole)
    }

    /// `87.5%`.
    public var description: String { "\(tenths / 10).\(tenths % 10)%" }

    public static func < (lhs: SurveyRate, rhs: SurveyRate) -> Bool { lhs.tenths < rhs.tenths }
}
