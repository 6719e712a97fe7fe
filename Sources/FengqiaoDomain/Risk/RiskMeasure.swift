import Foundation

/// One value a rule measured, as the explanation shows it: 「近30天同一对象同类案件」= 6 件 (阈值 5).
public struct RiskMeasure: Sendable, Hashable, Codable {
    public var label: String
    public var value: Double
    public var unit: String
    /// The mark of the level reached, if the value is compared with one.
    public var threshold: Double?

    public init(label: String, value: Double, unit: String, threshold: Double? = nil) {
        self.label = label
        self.value = value
        self.unit = unit
        self.threshold = threshold
    }

    /// 「近30天同一对象同类案件 6 件(阈值 5 件)」
    public var text: String {
        let shown = Self.number(value)
        guard let threshold else { return "\(label) \(shown) \(unit)" }
        return "\(label) \(shown) \(unit)(阈值 \(Self.number(threshold)) \(unit))"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }
}
