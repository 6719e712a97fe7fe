import Foundation

/// An indicator's measured value for one unit and period: a count, or a share `numerator / denominator`.
public struct IndicatorValue: Sendable, Hashable, Codable {
    public var numerator: Int
    /// The base of a rate; nil for a count.
    public var denominator: Int?

    public init(numerator: Int, denominator: Int? = nil) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public static func count(_ n: Int) -> IndicatorValue { IndicatorValue(numerator: n) }
    public static func rate(_ n: Int, of d: Int) -> IndicatorValue { IndicatorValue(numerator: n, denominator: d) }

    /// The sum of two values of one indicator: counts add up, a rate adds its hits and its base.
    public func adding(_ other: IndicatorValue) -> IndicatorValue {
        let base = denominator.map { $0 + (other.denominator ?? 0) } ?? other.denominator
        return IndicatorValue(numerator: numerator + other.numerator, denominator: base)
    }

    /// The value scored: the count, or the share (nil when a rate has nothing to count from).
    public var value: Double? {
        guard let denominator else { return Double(numerator) }
        return denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }
}
