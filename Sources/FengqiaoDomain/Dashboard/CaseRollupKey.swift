import Foundation

/// One cell of the dashboard's rollups: how many cases reported in `period` (a day `yyyy-MM-dd` or a
/// month `yyyy-MM`) lie in `scope` (`area:<prefix>`, `grid:<code>`, `dept:<id>`) and have `measure`.
public struct CaseRollupKey: Sendable, Hashable, Comparable {
    public var period: String
    public var scope: String
    public var measure: String

    public init(period: String, scope: String, measure: String) {
        self.period = period
        self.scope = scope
        self.measure = measure
    }

    public static func < (a: CaseRollupKey, b: CaseRollupKey) -> Bool {
        (a.period, a.scope, a.measure) < (b.period, b.scope, b.measure)
    }
}
