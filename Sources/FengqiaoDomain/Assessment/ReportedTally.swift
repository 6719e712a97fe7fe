import Foundation

/// The value a reported indicator (人工填报) takes for a unit in a period: the value entered for the period itself;
/// for a quarter without one, the sum of the values entered for its months (counts add up, a rate adds its parts).
public enum ReportedTally {
    /// - Parameter entries: the unit's values by period key (the period's and, for a quarter, its months').
    /// - Returns: the value and the period keys it came from; nil when nothing was entered.
    public static func value(for period: AssessmentPeriod, entries: [String: IndicatorValue]) -> (value: IndicatorValue, from: [String])? {
        if let own = entries[period.key] { return (own, [period.key]) }
        guard period.kind == .quarter else { return nil }
        let months = period.months.map(\.key).filter { entries[$0] != nil }
        let values = months.compactMap { entries[$0] }
        guard let first = values.first else { return nil }
        return (values.dropFirst().reduce(first) { $0.adding($1) }, months)
    }
}
