import FengqiaoDomain
import Foundation

/// 月通报 or 季排名 as the viewer may read it: the period's rankings of townships, departments and grid workers inside
/// the viewer's jurisdiction, with the headline figures of each.
public struct AssessmentBulletin: Sendable {
    /// The figures a bulletin opens with for one kind of unit (nil averages while nothing was scored).
    public struct Headline: Sendable, Hashable {
        public var kind: AssessedUnitKind
        public var units: Int
        public var average: Double?
        public var highest: Double?
        public var lowest: Double?
        public var laggards: Int

        init(_ ranking: AssessmentRanking) {
            let totals = ranking.standings.map(\.score.total)
            kind = ranking.kind
            units = totals.count
            average = totals.isEmpty ? nil : ((totals.reduce(0, +) / Double(totals.count)) * 100).rounded() / 100
            highest = totals.max()
            lowest = totals.min()
            laggards = ranking.standings.filter(\.laggard).count
        }
    }

    /// An approved award or a standing 通报批评 deduction of a unit in the bulletin.
    public struct Highlight: Sendable, Hashable {
        public var unit: AssessedUnit
        public var name: String
        public var adjustment: ManualAdjustment
    }

    public var period: AssessmentPeriod
    /// Townships, departments, grid workers, in that order.
    public var rankings: [AssessmentRanking]
    public var headlines: [Headline]
    /// 亮点加分 and 通报批评 of the period (a quarter's: its months'), of the units in the rankings, awards first.
    public var highlights: [Highlight]
    /// The laggards of every kind, called in for a talk (约谈).
    public var laggards: [AssessmentStanding] { rankings.flatMap { $0.standings.filter(\.laggard) } }

    init(period: AssessmentPeriod, rankings: [AssessmentRanking], highlights: [Highlight]) {
        self.period = period
        self.rankings = rankings
        self.headlines = rankings.map(Headline.init)
        self.highlights = highlights
    }

    /// ↑2, ↓1, — (same place), 新 (not ranked last period).
    public static func rankChange(_ change: Int?) -> String {
        guard let change else { return "新" }
        return change > 0 ? "↑\(change)" : change < 0 ? "↓\(-change)" : "—"
    }

    /// +1.5, −2, 0; — when there is nothing to compare with.
    public static func totalChange(_ change: Double?) -> String {
        guard let change else { return "—" }
        return change > 0 ? "+" + AssessmentTemplate.points(change) : change < 0 ? "−" + AssessmentTemplate.points(-change) : "0"
    }
}
