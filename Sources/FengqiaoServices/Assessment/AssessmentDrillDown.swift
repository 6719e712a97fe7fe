import FengqiaoDomain
import Foundation

/// One indicator of one unit's score, opened: the stored value and points, and the cases (with the event or deadline
/// that counted each) that produce the value when the period is tallied again; for a grid worker, the days of field
/// work; for a reported indicator (人工填报), the values entered. `excludedCases` lists the cases upheld appeals took out.
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

    /// A value entered for a reported indicator: for the period, or for one month of a quarter.
    public struct Entry: Sendable, Hashable {
        public var period: AssessmentPeriod
        public var value: IndicatorValue
        public var note: String?
        public var enteredBy: String
        public var enteredAt: Date
    }

    public var period: AssessmentPeriod
    public var standing: AssessmentStanding
    public var indicator: IndicatorScore
    public var cases: [CaseLine]
    public var fieldDays: [FieldDay]
    public var excludedCases: [Int64]
    public var entries: [Entry]

    /// The value the listed cases (or entries) add up to: hits over counted ones (a count when the indicator is one).
    public var recounted: IndicatorValue {
        if indicator.rule.indicator.source == .reported {
            return ReportedTally.value(for: period, entries: Dictionary(entries.map { ($0.period.key, $0.value) }, uniquingKeysWith: { a, _ in a }))?.value
                ?? (indicator.rule.indicator.isRate ? .rate(0, of: 0) : .count(0))
        }
        let hits = cases.filter(\.contribution.hit).count
        return indicator.rule.indicator.isRate ? .rate(hits, of: cases.filter(\.contribution.counted).count) : .count(hits)
    }
}
