import Foundation

/// A unit's score for a period: the template's indicators, then the approved awards (up to the template's cap) and
/// deductions. `total` is what the unit is ranked by.
public struct UnitScore: Sendable, Hashable, Codable {
    public var unit: String
    public var name: String
    public var indicators: [IndicatorScore]
    public var awarded: Double
    public var deducted: Double

    public init(unit: String, name: String, indicators: [IndicatorScore], awarded: Double, deducted: Double) {
        self.unit = unit
        self.name = name
        self.indicators = indicators
        self.awarded = awarded
        self.deducted = deducted
    }

    public var templatePoints: Double { indicators.reduce(0) { $0 + $1.points } }
    public var total: Double { ((templatePoints + awarded - deducted) * 100).rounded() / 100 }
}
