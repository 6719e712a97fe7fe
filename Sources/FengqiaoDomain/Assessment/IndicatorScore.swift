import Foundation

/// One indicator of one unit's score: the value measured and the points it earned of the rule's weight (all of
/// them when an upheld appeal waived the indicator; none when a reported indicator was not reported).
public struct IndicatorScore: Sendable, Hashable, Codable {
    public var rule: IndicatorRule
    public var value: IndicatorValue
    public var points: Double
    public var waived: Bool
    /// A reported indicator (人工填报) with no value entered for the unit: 未填报, no points.
    public var unreported: Bool

    public init(rule: IndicatorRule, value: IndicatorValue, points: Double, waived: Bool = false, unreported: Bool = false) {
        self.rule = rule
        self.value = value
        self.points = points
        self.waived = waived
        self.unreported = unreported
    }

    enum CodingKeys: String, CodingKey { case rule, value, points, waived, unreported }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(rule: try c.decode(IndicatorRule.self, forKey: .rule), value: try c.decode(IndicatorValue.self, forKey: .value),
                  points: try c.decode(Double.self, forKey: .points), waived: try c.decode(Bool.self, forKey: .waived),
                  unreported: try c.decodeIfPresent(Bool.self, forKey: .unreported) ?? false)
    }
}
