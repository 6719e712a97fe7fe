import FengqiaoDomain
import Foundation

/// What the command-centre dashboard (指挥中心驾驶舱) shows for one scope and day, every number with the
/// case-list query that lists the cases behind it. Read from `case_rollups` only.
public struct CommandBoard: Sendable, Codable, Equatable {
    /// One number and the `/cases` parameters whose list holds exactly those cases.
    public struct Cell: Sendable, Codable, Equatable {
        public var count: Int
        public var query: [String: String]

        /// The case-list filter of `query`.
        public var filter: CaseWorklistFilter {
            let q = query
            return CaseWorklistFilter(
                state: q["state"], kind: q["kind"], channel: q["channel"], reportedFrom: q["reportedFrom"],
                reportedTo: q["reportedTo"], area: q["area"], grid: q["grid"], overdue: q["overdue"],
                supervised: q["supervised"], closed: q["closed"], closedOnTime: q["closedOnTime"], rated: q["rated"],
                satisfied: q["satisfied"], resolved: q["resolved"], resolvedVillage: q["resolvedVillage"], lead: q["lead"])
        }
    }

    /// A share: `part` of `whole`, in percent (nil when `whole` is 0).
    public struct Rate: Sendable, Codable, Equatable {
        public var part: Cell
        public var whole: Cell
        public var percent: Double?
        /// The target in percent, when the rate has one (村级化解率 95%).
        public var target: Int?
        /// Whether the rate is below its target.
        public var belowTarget: Bool

        init(part: Cell, whole: Cell, target: Int? = nil) {
            self.part = part
            self.whole = whole
            percent = whole.count > 0 ? Double(part.count) * 100 / Double(whole.count) : nil
            self.target = target
            belowTarget = target.map { t in whole.count > 0 && part.count * 100 < t * whole.count } ?? false
        }
    }

    /// One row of a breakdown (a state, channel or kind).
    public struct Part: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var cell: Cell
    }

    /// The figures of the cases reported in one period.
    public struct Figures: Sendable, Codable, Equatable {
        public var from: String
        public var to: String
        public var total: Cell
        public var states: [Part]
        public var channels: [Part]
        public var kinds: [Part]
        public var closed: Cell
        public var closedOnTime: Cell
        public var rated: Cell
        public var satisfied: Cell
        public var resolved: Cell
        public var resolvedVillage: Cell
        public var overdue: Cell
        public var supervised: Cell
        /// 办结率 = closed / total.
        public var closedRate: Rate
        /// 按时办结率 = closedOnTime / closed.
        public var onTimeRate: Rate
        /// 满意率 = satisfied / rated.
        public var satisfactionRate: Rate
        /// 村级化解率 = resolvedVillage / resolved, against 95%.
        public var villageRate: Rate

        /// Every number of the figures.
        public var cells: [Cell] {
            [total, closed, closedOnTime, rated, satisfied, resolved, resolvedVillage, overdue, supervised]
                + (states + channels + kinds).map(\.cell)
        }
    }

    /// One point of a trend: a day or a month.
    public struct Point: Sendable, Codable, Equatable {
        public var label: String
        public var total: Cell
        public var closed: Cell
    }

    /// One grid of the heat map, or one row of a ranking.
    public struct Unit: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var total: Cell
        public var closed: Cell
        public var overdue: Cell
        public var closedRate: Rate
        public var onTimeRate: Rate
        public var satisfactionRate: Rate
        public var villageRate: Rate

        public var cells: [Cell] {
            [total, closed, overdue, closedRate.part, onTimeRate.part, satisfactionRate.part, satisfactionRate.whole,
             villageRate.part, villageRate.whole]
        }
    }

    /// The area (or grid) shown, nil for a department's board.
    public var areaCode: String?
    /// The department shown (department staff).
    public var departmentId: Int64?
    public var scopeName: String
    public var day: String
    public var month: String
    public var today: Figures
    public var thisMonth: Figures
    /// Open now, whenever reported: cases with a red clock, and under 督办/挂牌督办.
    public var overdueNow: Cell
    public var supervisedNow: Cell
    /// The 30 days up to `day`, oldest first.
    public var days: [Point]
    /// The 12 months up to `month`, oldest first.
    public var months: [Point]
    /// The grids under the area with this month's cases (the heat map: only the total, so a county's hundreds of
    /// grids stay light).
    public var grids: [Part]
    /// The child areas (a county's townships, a village's grids), this month, best 办结率 first.
    public var areas: [Unit]
    /// The departments of the area that led cases this month, best 办结率 first (at most 20).
    public var departments: [Unit]
    /// Areas the board can switch to: the child areas.
    public var children: [Part]

    /// Every number on the board.
    public var cells: [Cell] {
        today.cells + thisMonth.cells + [overdueNow, supervisedNow] + days.flatMap { [$0.total, $0.closed] }
            + months.flatMap { [$0.total, $0.closed] } + grids.map(\.cell) + areas.flatMap(\.cells)
            + departments.flatMap(\.cells)
    }
}
