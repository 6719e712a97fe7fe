import FengqiaoDomain
import Foundation

/// One indicator of one unit's score, opened: the stored value and points, and the cases (with the event or deadline
/// that counted each) that produce the value when the period is tallied again; for a grid worker, the days of field
/// work. `excludedCases` lists the cases upheld appeals took out.
public struct AssessmentDrillDown: Sendable {
    public struct CaseLine: Sendable, Hashable {
        public var caseId: Int64
        public var caseNumber: String
        public var contribution: AssessmentContribution
    }

    public struct FieldDay: Sendable, Hashable {
        public var day: String
        public var patrols: Int
        public var visits: Int
    }

    public var period: AssessmentPeriod
    public var standing: AssessmentStanding
    public var indicator: IndicatorScore
    public var cases: [CaseLine]
    public var fieldDays: [FieldDay]
    public var excludedCases: [Int64]

    /// The value the listed cases add up to: hits over counted ones (a count when the indicator is one).
    public var recounted: IndicatorValue {
        let hits = cases.filter(\.contribution.hit).count
        return indicator.rule.indicator.isRate ? .rate(hits, of: cases.filter(\.contribution.counted).count) : .count(hits)
    }
}
