import Foundation

/// Every rule's settings for one area (an area without its own book uses its nearest ancestor's, and the root
/// uses `standard`).
public struct RiskRuleBook: Sendable, Hashable, Codable {
    public var cluster: WindowCountRule
    public var hotspot: WindowCountRule
    public var repeated: WindowCountRule
    public var surge: SurgeRule
    public var mass: MassRule
    public var keyword: KeywordRule
    public var keyPerson: KeyPersonRule

    public init(
        cluster: WindowCountRule, hotspot: WindowCountRule, repeated: WindowCountRule, surge: SurgeRule,
        mass: MassRule, keyword: KeywordRule, keyPerson: KeyPersonRule
    ) {
        self.cluster = cluster
        self.hotspot = hotspot
        self.repeated = repeated
        self.surge = surge
        self.mass = mass
        self.keyword = keyword
        self.keyPerson = keyPerson
    }

    /// The settings in force until an administrator changes them.
    /// - 群发: 3 cases of a category against one respondent in 30 days (5 黄, 10 橙, 20 红);
    /// - 多发: 3 cases of one category at one grid, or 3 at one address, in 7 days (5, 8, 12);
    /// - 重复反映: 3 cases or petitions by one person in 90 days (5, 8, 12);
    /// - 突发: at least 5 cases and mean + 2σ of the same weekday over 8 weeks (3σ 黄, 4σ 橙, 5σ 红);
    /// - 涉众: 5 people (集体访's threshold; 10, 30, 50) or ¥100,000 (500,000, 1,000,000, 5,000,000);
    /// - 敏感词: the lexicon below; 重点人员: every sensitive tag.
    public static let standard = RiskRuleBook(
        cluster: WindowCountRule(windowDays: 30, bands: RiskLevelBands(blue: 3, yellow: 5, orange: 10, red: 20)),
        hotspot: WindowCountRule(windowDays: 7, bands: RiskLevelBands(blue: 3, yellow: 5, orange: 8, red: 12)),
        repeated: WindowCountRule(windowDays: 90, bands: RiskLevelBands(blue: 3, yellow: 5, orange: 8, red: 12)),
        surge: SurgeRule(minimumCount: 5, bands: RiskLevelBands(blue: 2, yellow: 3, orange: 4, red: 5)),
        mass: MassRule(
            peopleBands: RiskLevelBands(blue: 5, yellow: 10, orange: 30, red: 50),
            amountBands: RiskLevelBands(blue: 100_000, yellow: 500_000, orange: 1_000_000, red: 5_000_000)),
        keyword: KeywordRule(lexicon: [
            "跳楼": .red, "自杀": .red, "自焚": .red, "轻生": .red, "爆炸": .red, "持刀": .red, "杀人": .red,
            "喝农药": .red, "聚集": .orange, "拉横幅": .orange, "堵路": .orange, "围堵": .orange, "静坐": .orange,
            "堵门": .orange, "打砸": .orange, "群殴": .orange, "集体上访": .orange, "进京": .orange, "讨薪": .yellow,
            "媒体曝光": .yellow, "网上发帖": .yellow, "越级上访": .yellow, "扬言": .yellow, "报复": .yellow,
            "维权": .blue, "上访": .blue,
        ]),
        keyPerson: KeyPersonRule(tags: [
            .keyPerson: .yellow, .keyPetitioner: .yellow, .communityCorrection: .yellow, .releasedPrisoner: .blue,
            .drugUser: .yellow, .severeMentalDisorder: .orange,
        ])
    )

    /// The rule of `kind` is switched on.
    public func isEnabled(_ kind: RiskRuleKind) -> Bool {
        switch kind {
        case .cluster: cluster.enabled
        case .hotspot: hotspot.enabled
        case .repeated: repeated.enabled
        case .surge: surge.enabled
        case .mass: mass.enabled
        case .keyword: keyword.enabled
        case .keyPerson: keyPerson.enabled
        }
    }

    /// Every field error of every rule at once.
    public func problems() -> [FieldError] {
        cluster.problems(field: "cluster") + hotspot.problems(field: "hotspot") + repeated.problems(field: "repeated")
            + surge.problems(field: "surge") + mass.problems(field: "mass") + keyword.problems(field: "keyword")
            + keyPerson.problems(field: "keyPerson")
    }

    /// The book in force for an area: the deepest of `path` (root first, the area last) that has its own book,
    /// else `standard`.
    public static func inForce(along path: [String], books: [String: RiskRuleBook]) -> RiskRuleBook {
        path.reversed().lazy.compactMap { books[$0] }.first ?? standard
    }

    /// The days of cases before an evaluation that a group's rule looks at; nil for 突发 and the rules about one case.
    public func windowDays(for group: RiskGroupKey) -> Int? {
        switch group {
        case .cluster: cluster.windowDays
        case .hotspotGrid, .hotspotAddress: hotspot.windowDays
        case .repeatApplicant: repeated.windowDays
        case .surge, .single: nil
        }
    }

    /// How far back any rule of the book looks: its longest window, or 突发's baseline weeks.
    public var horizonDays: Int {
        max(cluster.windowDays, hotspot.windowDays, repeated.windowDays, surge.weeks * 7 + 1)
    }

    /// The same book with the rules about one case switched off (the nightly sweep evaluates those as it reads
    /// each case, and only the group rules over all of them).
    public var groupRulesOnly: RiskRuleBook {
        var book = self
        book.mass.enabled = false
        book.keyword.enabled = false
        book.keyPerson.enabled = false
        return book
    }
}
