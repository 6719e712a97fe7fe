import Foundation

/// One indicator of one unit's score: the value measured and the points it earned of the rule's weight (all of
/// them when an upheld appeal waived the indicator).
public struct IndicatorScore: Sendable, Hashable, Codable {
    public var rule: IndicatorRule
    public var value: IndicatorValue
    public var points: Double
    public var waived: Bool

    public init(rule: IndicatorRule, value: IndicatorValue, points: Double, waived: Bool = false) {
        self.rule = rule
        self.value = value
        self.points = points
        self.waived = waived
    }
}
