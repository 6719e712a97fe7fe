import Foundation

/// A generated report (综治工作报告) as stored: every figure and list it shows, computed once when it was made, so a
/// stored report never changes and its page, PDF and workbook always agree. Case figures count the cases reported
/// in the period, as they stand when the report was made (办结, 满意… of those cases).
public struct ReportSnapshot: Sendable, Codable, Equatable {
    /// A count under a name (a channel, a kind, a category, a warning level or rule).
    public struct Count: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var count: Int
        public init(code: String, name: String, count: Int) {
            self.code = code
            self.name = name
            self.count = count
        }
    }

    /// The case figures of the report's area, or of one area under it.
    public struct CaseFigures: Sendable, Codable, Equatable {
        public var total = 0
        public var closed = 0
        public var closedOnTime = 0
        public var rated = 0
        public var satisfied = 0
        public var resolved = 0
        public var resolvedVillage = 0
        public var overdue = 0
        public var supervised = 0
        public init() {}

        /// `part` of `whole` in per cent with one decimal (`87.5%`), `—` when the whole is zero.
        public static func percent(_ part: Int, of whole: Int) -> String {
            guard whole > 0 else { return "—" }
            let tenths = (part * 1000 + whole / 2) / whole
            return "\(tenths / 10).\(tenths % 10)%"
        }

        public var closedRate: String { Self.percent(closed, of: total) }
        public var onTimeRate: String { Self.percent(closedOnTime, of: closed) }
        public var satisfactionRate: String { Self.percent(satisfied, of: rated) }
        public var villageRate: String { Self.percent(resolvedVillage, of: resolved) }
    }

    /// One area under the report's area (or its own 本级 cases).
    public struct AreaRow: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var figures: CaseFigures
        public init(code: String, name: String, figures: CaseFigures) {
            self.code = code
            self.name = name
            self.figures = figures
        }
    }

    /// Received and closed in one day (or month) of the period.
    public struct TrendPoint: Sendable, Codable, Equatable {
        public var label: String
        public var from: String
        public var to: String
        public var total: Int
        public var closed: Int
        public init(label: String, from: String, to: String, total: Int, closed: Int) {
            self.label = label
            self.from = from
            self.to = to
            self.total = total
            self.closed = closed
        }
    }

    /// A red or orange warning raised in the period.
    public struct Warning: Sendable, Codable, Equatable {
        public var number: String
        public var level: String
        public var levelName: String
        public var ruleName: String
        public var areaName: String
        public var stateName: String
        public var summary: String
        public var raisedAt: Date
        public init(number: String, level: String, levelName: String, ruleName: String, areaName: String,
                    stateName: String, summary: String, raisedAt: Date) {
            self.number = number
            self.level = level
            self.levelName = levelName
            self.ruleName = ruleName
            self.areaName = areaName
            self.stateName = stateName
            self.summary = summary
            self.raisedAt = raisedAt
        }
    }

    public var kind: ReportKind
    public var areaCode: String
    public var areaName: String
    public var from: String
    public var to: String
    /// The 专报's topic category (事件分类 code and name); nil: every case.
    public var category: String?
    public var categoryName: String?
    public var generatedAt: Date
    public var generatedBy: String

    public var cases = CaseFigures()
    public var states: [Count] = []
    public var channels: [Count] = []
    public var kinds: [Count] = []
    public var areas: [AreaRow] = []
    public var trend: [TrendPoint] = []
    /// The most frequent categories (事件分类) of the period's cases, most first.
    public var topCategories: [Count] = []
    /// 信访、调解 figures of the area and period (mediations only when the maker sees them).
    public var figures = FigureRow()
    public var includesMediations = true
    /// Warnings raised in the period inside the area.
    public var warningsRaised = 0
    public var warningLevels: [Count] = []
    public var warningRules: [Count] = []
    /// The red and orange ones, newest first.
    public var seriousWarnings: [Warning] = []

    public init(kind: ReportKind, areaCode: String, areaName: String, from: String, to: String, category: String?,
                categoryName: String?, generatedAt: Date, generatedBy: String) {
        self.kind = kind
        self.areaCode = areaCode
        self.areaName = areaName
        self.from = from
        self.to = to
        self.category = category
        self.categoryName = categoryName
        self.generatedAt = generatedAt
        self.generatedBy = generatedBy
    }

    /// `九原区综治中心日报(2026-11-23)`, a 专报 naming its topic.
    public var title: String {
        let period = from == to ? from : "\(from) 至 \(to)"
        let topic = categoryName.map { "「\($0)」" } ?? ""
        return "\(areaName)\(topic)社会治理\(kind.chineseName)(\(period))"
    }
}
