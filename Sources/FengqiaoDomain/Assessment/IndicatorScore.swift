import Foundation

/// One indicator of one unit's score: the value measured and the points it earned of the rule's weight.
public struct IndicatorScore: Sendable, Hashable, Codable {
    public var rule: IndicatorRule
    public var value: IndicatorValue
    public var points: Double

    public init(rule: IndicatorRule, value: IndicatorValue, points: Double) {
        self.rule = rule
        self.value = value
        self.points = points
    }
}
