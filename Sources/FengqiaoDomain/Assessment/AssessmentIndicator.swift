import Foundation

/// A measure of the work that a template scores. Rates are a share of cases (or summons, mediations, days); counts
/// are numbers of things. The twelve built in (`builtIn`) are measured by the assessment tally and field work; the
/// assessor adds more (`IndicatorSubmission`): reported by hand (人工填报) or a built-in case measure counted only for
/// one category of cases. An indicator is known by its `key`: two with the same key are the same indicator.
///
/// Stored templates and scores carry each indicator: a built-in one as its key, one the assessor defined as its whole
/// definition, so a period scored long ago still reads as it was scored.
public struct AssessmentIndicator: Sendable, Codable {
    public let key: String
    public let chineseName: String
    /// A share (0…1) rather than a count.
    public let isRate: Bool
    /// Whether more is better (退单率, 超期 and 督办 are better low).
    public let higherIsBetter: Bool
    /// The units this indicator can be measured for.
    public let unitKinds: Set<AssessedUnitKind>
    public let source: IndicatorSource
    /// 口径说明: how the value is arrived at, in the assessor's words (indicators they defined).
    public let explanation: String?

    public init(key: String, chineseName: String, isRate: Bool, higherIsBetter: Bool, unitKinds: Set<AssessedUnitKind>,
                source: IndicatorSource, explanation: String? = nil) {
        self.key = key
        self.chineseName = chineseName
        self.isRate = isRate
        self.higherIsBetter = higherIsBetter
        self.unitKinds = unitKinds
        self.source = source
        self.explanation = explanation
    }

    /// Whether the assessor defined it (not one of the twelve).
    public var isDefined: Bool { source != .measured }

    /// The same indicator under `key` (a defined one gets its key when it is stored).
    public func keyed(_ key: String) -> AssessmentIndicator {
        AssessmentIndicator(key: key, chineseName: chineseName, isRate: isRate, higherIsBetter: higherIsBetter,
                            unitKinds: unitKinds, source: source, explanation: explanation)
    }

    // MARK: Coding: a built-in indicator as its key, another as its definition

    enum CodingKeys: String, CodingKey {
        case key, name, rate, higherIsBetter = "higher_is_better", unitKinds = "unit_kinds", source, explanation
    }

    public init(from decoder: any Decoder) throws {
        if let key = try? decoder.singleValueContainer().decode(String.self) {
            guard let known = Self.builtIn(key) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown indicator \(key)"))
            }
            self = known
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(key: try c.decode(String.self, forKey: .key), chineseName: try c.decode(String.self, forKey: .name),
                  isRate: try c.decode(Bool.self, forKey: .rate), higherIsBetter: try c.decode(Bool.self, forKey: .higherIsBetter),
                  unitKinds: try c.decode(Set<AssessedUnitKind>.self, forKey: .unitKinds),
                  source: try c.decode(IndicatorSource.self, forKey: .source),
                  explanation: try c.decodeIfPresent(String.self, forKey: .explanation))
    }

    public func encode(to encoder: any Encoder) throws {
        guard isDefined else {
            var c = encoder.singleValueContainer()
            try c.encode(key)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(chineseName, forKey: .name)
        try c.encode(isRate, forKey: .rate)
        try c.encode(higherIsBetter, forKey: .higherIsBetter)
        try c.encode(AssessedUnitKind.allCases.filter(unitKinds.contains), forKey: .unitKinds)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(explanation, forKey: .explanation)
    }
}

extension AssessmentIndicator: Hashable {
    public static func == (a: Self, b: Self) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

// MARK: The twelve built in

extension AssessmentIndicator {
    private static func measured(_ key: String, _ name: String, rate: Bool = true, higherIsBetter: Bool = true,
                                 _ kinds: Set<AssessedUnitKind>) -> AssessmentIndicator {
        AssessmentIndicator(key: key, chineseName: name, isRate: rate, higherIsBetter: higherIsBetter, unitKinds: kinds,
                            source: .measured)
    }

    /// 按时签收率: dispatched parts signed for within the sign-for window.
    public static let signedOnTime = measured("signed_on_time", "按时签收率", [.department])
    /// 按时办结率: cases closed with no stage clock missed.
    public static let closedOnTime = measured("closed_on_time", "按时办结率", [.department, .township])
    /// 办结率: cases closed of those due in the period.
    public static let closureRate = measured("closure_rate", "办结率", [.department, .township])
    /// 满意率: 满意 and 基本满意 of the rated revisits.
    public static let satisfaction = measured("satisfaction", "满意率", [.department, .township])
    /// 退单率: dispatches returned by the department.
    public static let returnRate = measured("return_rate", "退单率", higherIsBetter: false, [.department])
    /// 超期件数: stage clocks that went red.
    public static let overdue = measured("overdue", "超期件数", rate: false, higherIsBetter: false, [.department, .township])
    /// 督办/挂牌件数: supervision orders and listings received.
    public static let supervised = measured("supervised", "督办挂牌件数", rate: false, higherIsBetter: false, [.department, .township])
    /// 吹哨报到按时率: summons answered by checking in on time.
    public static let whistleOnTime = measured("whistle_on_time", "吹哨报到按时率", [.department])
    /// 村级化解率: cases resolved at grid or village level (target 95%).
    public static let villageResolved = measured("village_resolved", "村级化解率", [.township])
    /// 调解成功率: mediations concluded with an agreement.
    public static let mediationSucceeded = measured("mediation_succeeded", "调解成功率", [.township])
    /// 巡查覆盖率: working days with a patrol.
    public static let patrolCoverage = measured("patrol_coverage", "巡查覆盖率", [.gridWorker])
    /// 走访户数: household visits recorded.
    public static let householdVisits = measured("household_visits", "走访户数", rate: false, [.gridWorker])

    public static let builtIn: [AssessmentIndicator] = [
        .signedOnTime, .closedOnTime, .closureRate, .satisfaction, .returnRate, .overdue, .supervised, .whistleOnTime,
        .villageResolved, .mediationSucceeded, .patrolCoverage, .householdVisits,
    ]

    /// The built-in indicator with this key.
    public static func builtIn(_ key: String) -> AssessmentIndicator? { builtIn.first { $0.key == key } }

    /// The built-in measures an indicator the assessor defines may count for one category of cases: those the case
    /// tally counts case by case (not mediations or field work).
    public static let categoryBases: [AssessmentIndicator] = [
        .signedOnTime, .closedOnTime, .closureRate, .satisfaction, .returnRate, .overdue, .supervised, .whistleOnTime,
        .villageResolved,
    ]
}
