import FengqiaoDomain
import XCTest

/// Indicators the assessor defined over a category of cases, tallied from a hand-checked fixture: five cases of one
/// township in November 2026, of two kinds (矛盾纠纷 and 城市管理), carrying their category as intake stores it (its
/// name, 邻里纠纷) or as its code (`dispute.neighbour`); one of them recategorised half-way. The expected values are
/// worked out in the comments of `fixture()`.
final class DefinedIndicatorTallyTests: XCTestCase {
    typealias T = CaseAssessmentTallyTests
    static let township = AssessedUnit(.township, "150201001000")
    static let housing = AssessedUnit.department(7)
    static let urban = AssessedUnit.department(8)

    static func defined(_ key: String, _ kind: AssessedUnitKind, _ base: AssessmentIndicator, over category: String,
                        _ categoryName: String) -> AssessmentIndicator {
        AssessmentIndicator(key: key, chineseName: key, isRate: base.isRate, higherIsBetter: base.higherIsBetter, unitKinds: [kind],
                            source: .category(base: base.key, category: category, categoryName: categoryName))
    }

    /// 邻里纠纷按时办结率 (township), by the category's code.
    static let neighbourOnTime = defined("custom_1", .township, .closedOnTime, over: "dispute.neighbour", "邻里纠纷")
    /// 矛盾纠纷满意率 (township), by the kind's code.
    static let disputeSatisfaction = defined("custom_2", .township, .satisfaction, over: "dispute", "矛盾纠纷")
    /// 矛盾纠纷督办件数 and 城市管理督办件数 (township).
    static let disputeSupervised = defined("custom_3", .township, .supervised, over: "dispute", "矛盾纠纷")
    static let urbanSupervised = defined("custom_4", .township, .supervised, over: "urbanManagement", "城市管理")
    /// 邻里纠纷按时签收率 and 城市管理按时签收率 (department).
    static let neighbourSigned = defined("custom_5", .department, .signedOnTime, over: "dispute.neighbour", "邻里纠纷")
    static let urbanSigned = defined("custom_6", .department, .signedOnTime, over: "urbanManagement", "城市管理")
    /// 邻里纠纷办结率 (department).
    static let neighbourClosure = defined("custom_7", .department, .closureRate, over: "dispute.neighbour", "邻里纠纷")

    static let all = [neighbourOnTime, disputeSatisfaction, disputeSupervised, urbanSupervised, neighbourSigned, urbanSigned,
                      neighbourClosure]

    static func accepted(_ kind: CaseKind, _ category: String, _ tier: MediationTier, _ date: Date) -> CaseEvent {
        T.event(.accepted(acceptance: CaseAcceptance(kind: kind, category: category, urgency: .normal, tier: tier)), date)
    }

    static func dispatched(_ lead: Int64, window: Date, deadline: Date, _ date: Date) -> CaseEvent {
        T.event(.dispatched(order: T.order(lead, window: window, deadline: deadline)), date)
    }

    static func feedback(_ date: Date) -> CaseEvent {
        T.event(.feedbackGiven(result: "已办", evidence: [], waivedAssisting: []), date)
    }

    static func closed(_ date: Date) -> CaseEvent { T.event(.closed(reply: "已答复", channel: .phone), date) }

    static func revisited(_ satisfaction: Satisfaction, _ date: Date) -> CaseEvent {
        T.event(.revisited(satisfaction: satisfaction, channel: .phone, reopened: false), date)
    }

    static func supervised(_ number: Int, _ kind: SupervisionKind, _ date: Date) -> CaseEvent {
        T.event(.supervised(number: number, kind: kind, note: "督办", responseDue: nil), date)
    }

    /// Cases 1…5 (ids as added). All in the township; dispatched to 住建 (7) but C (to 城管, 8); all accepted and closed
    /// in November. Built-in values, for reference: township 按时办结 4/5 (B late), 满意 3/5 (B, D not), 督办 3 (C once,
    /// E twice); 住建 按时签收 2/4 (B never, E late), 办结率 4/4, 按时办结 3/4; 城管 按时签收 1/1.
    static func fixture() -> [[CaseEvent]] {
        func at(_ month: Int, _ day: Int, _ hour: Int = 9) -> Date { T.at(month, day, hour) }
        // A (1): 矛盾纠纷 › 邻里纠纷 by its NAME, as the desk stores it. 住建 signs in its window (on time), feeds back by
        // its deadline; closed (on time), rated 满意.
        let a = [
            T.reported("150201001002", at(11, 1, 8)), accepted(.dispute, "邻里纠纷", .village, at(11, 1, 9)),
            dispatched(7, window: at(11, 2, 12), deadline: at(11, 10), at(11, 1, 10)),
            T.event(.signedFor(department: 7, role: .lead), at(11, 2, 9)),
            feedback(at(11, 8)), closed(at(11, 9)), revisited(.satisfied, at(11, 10)),
        ]
        // B (2): 邻里纠纷 by its CODE. 住建 never signs and feeds back three days late: township 按时办结 missed, 住建 按时签收
        // missed, 办结率 done (by the period's end); rated 不满意.
        let b = [
            T.reported("150201001003", at(11, 3, 8)), accepted(.dispute, "dispute.neighbour", .grid, at(11, 3, 9)),
            dispatched(7, window: at(11, 4, 12), deadline: at(11, 12), at(11, 3, 10)),
            feedback(at(11, 15)), closed(at(11, 16)), revisited(.unsatisfied, at(11, 17)),
        ]
        // C (3): 城市管理 › 噪音扰民, to 城管 (8): signed in time, 督办 once, closed on time, 满意.
        let c = [
            T.reported("150201001002", at(11, 5, 8)), accepted(.urbanManagement, "噪音扰民", .grid, at(11, 5, 9)),
            dispatched(8, window: at(11, 6, 12), deadline: at(11, 20), at(11, 5, 10)),
            T.event(.signedFor(department: 8, role: .lead), at(11, 6, 9)),
            supervised(1, .order, at(11, 10)), feedback(at(11, 18)), closed(at(11, 19)), revisited(.satisfied, at(11, 20)),
        ]
        // D (4): 矛盾纠纷 › 劳动争议: a dispute, not a neighbour one. On time everywhere; rated 不满意.
        let d = [
            T.reported("150201001003", at(11, 6, 8)), accepted(.dispute, "劳动争议", .township, at(11, 6, 9)),
            dispatched(7, window: at(11, 7, 12), deadline: at(11, 14), at(11, 6, 10)),
            T.event(.signedFor(department: 7, role: .lead), at(11, 7, 9)),
            feedback(at(11, 13)), closed(at(11, 14)), revisited(.unsatisfied, at(11, 15)),
        ]
        // E (5): accepted as 城市管理 › 噪音扰民, recategorised on the 12th as 矛盾纠纷 › 邻里纠纷. While 噪音扰民: its
        // sign-for window ended on the 8th unsigned (住建 signed late on the 9th) and it was 督办'd on the 10th. While
        // 邻里纠纷: 挂牌督办 on the 13th, feedback on the 16th (before its deadline of the 25th), closed on the 17th,
        // 满意 on the 18th, and due on the 25th (done).
        let e = [
            T.reported("150201001002", at(11, 7, 8)), accepted(.urbanManagement, "噪音扰民", .grid, at(11, 7, 9)),
            dispatched(7, window: at(11, 8, 12), deadline: at(11, 25), at(11, 7, 10)),
            T.event(.signedFor(department: 7, role: .lead), at(11, 9)),
            supervised(1, .order, at(11, 10, 10)),
            accepted(.dispute, "邻里纠纷", .grid, at(11, 12)),
            supervised(2, .listed, at(11, 13)),
            feedback(at(11, 16)), closed(at(11, 17)), revisited(.satisfied, at(11, 18)),
        ]
        return [a, b, c, d, e]
    }

    static func tally(exclusions: Set<AssessmentExclusion> = [], tracing: Set<AssessedUnit> = [],
                      defined: [AssessmentIndicator] = all) throws -> CaseAssessmentTally {
        var tally = CaseAssessmentTally(period: try XCTUnwrap(T.november), exclusions: exclusions, tracing: tracing, defined: defined)
        for (i, history) in fixture().enumerated() { tally.add(history, caseId: Int64(i + 1)) }
        return tally
    }

    func testDefinedIndicatorsCountTheirCategorysFactsAsWorkedByHand() throws {
        let tally = try Self.tally()
        let township = try XCTUnwrap(tally.values[Self.township])
        // The built-in measures, for reference.
        XCTAssertEqual(township[.closedOnTime], .rate(4, of: 5))
        XCTAssertEqual(township[.satisfaction], .rate(3, of: 5))
        XCTAssertEqual(township[.supervised], .count(3))
        // 邻里纠纷按时办结率: A (by name) on time, B (by code) late, E (邻里纠纷 when closed) on time; not C or D → 2/3.
        XCTAssertEqual(township[Self.neighbourOnTime], .rate(2, of: 3))
        // 矛盾纠纷满意率: A 满意, B 不满意, D 不满意, E 满意 (a dispute when revisited); not C → 2/4.
        XCTAssertEqual(township[Self.disputeSatisfaction], .rate(2, of: 4))
        // 督办: E's 挂牌督办 of the 13th was of a dispute; its 督办 of the 10th, like C's, of 城市管理.
        XCTAssertEqual(township[Self.disputeSupervised], .count(1))
        XCTAssertEqual(township[Self.urbanSupervised], .count(2))

        let housing = try XCTUnwrap(tally.values[Self.housing])
        XCTAssertEqual(housing[.signedOnTime], .rate(2, of: 4))
        XCTAssertEqual(housing[.closureRate], .rate(4, of: 4))
        // 邻里纠纷按时签收率: A on time, B never; D is 劳动争议; E's window ended on the 8th while it was 噪音扰民 → 1/2.
        XCTAssertEqual(housing[Self.neighbourSigned], .rate(1, of: 2))
        // 城市管理按时签收率 of 住建: only E's window of the 8th (missed) → 0/1.
        XCTAssertEqual(housing[Self.urbanSigned], .rate(0, of: 1))
        // 邻里纠纷办结率: A (due the 10th), B (the 12th), E (the 25th, 邻里纠纷 by then), all done → 3/3.
        XCTAssertEqual(housing[Self.neighbourClosure], .rate(3, of: 3))
        // A defined indicator counts only for its own kind of unit: 住建 closed A, B and E but has no township one.
        XCTAssertNil(housing[Self.neighbourOnTime])
        XCTAssertNil(township[Self.neighbourClosure])
        XCTAssertEqual(tally.values[Self.urban]?[Self.urbanSigned], .rate(1, of: 1), "C, signed in its window")
        XCTAssertNil(tally.values[Self.urban]?[Self.neighbourSigned], "城管 had no 邻里纠纷 due for signing")

        // Defining indicators changes no built-in value.
        let plain = try Self.tally(defined: [])
        let keys = Set(Self.all.map(\.key))
        XCTAssertEqual(tally.values.mapValues { $0.filter { !keys.contains($0.key.key) } }, plain.values)
        XCTAssertEqual(try Self.tally(defined: [Self.neighbourOnTime]).values[Self.township]?[Self.neighbourOnTime], .rate(2, of: 3),
                       "each defined indicator counts alone what it counts among others")
    }

    /// A reported indicator or a built-in one given as `defined` counts nothing extra.
    func testOnlyCategoryIndicatorsAreCountedOverCategories() throws {
        let reported = AssessmentIndicator(key: "custom_9", chineseName: "台账", isRate: false, higherIsBetter: true,
                                           unitKinds: [.township], source: .reported)
        let tally = try Self.tally(defined: [reported, .closedOnTime])
        XCTAssertEqual(tally.values, try Self.tally(defined: []).values)
    }

    /// An upheld appeal against a defined indicator takes the case out of that indicator only, and one against the base
    /// out of the base only.
    func testAnExclusionTakesACaseOutOfTheDefinedIndicatorOnly() throws {
        let fromDefined = try Self.tally(exclusions: [
            AssessmentExclusion(unit: Self.township, indicator: Self.neighbourOnTime.key, caseId: 1),
            AssessmentExclusion(unit: Self.housing, indicator: Self.neighbourSigned.key, caseId: 2),
        ])
        XCTAssertEqual(fromDefined.values[Self.township]?[Self.neighbourOnTime], .rate(1, of: 2), "B late, E on time")
        XCTAssertEqual(fromDefined.values[Self.township]?[.closedOnTime], .rate(4, of: 5), "the base keeps A")
        XCTAssertEqual(fromDefined.values[Self.township]?[Self.disputeSatisfaction], .rate(2, of: 4), "other indicators keep A")
        XCTAssertEqual(fromDefined.values[Self.housing]?[Self.neighbourSigned], .rate(1, of: 1), "A alone")
        XCTAssertEqual(fromDefined.values[Self.housing]?[.signedOnTime], .rate(2, of: 4))

        let fromBase = try Self.tally(exclusions: [AssessmentExclusion(unit: Self.township, indicator: AssessmentIndicator.closedOnTime.key, caseId: 2)])
        XCTAssertEqual(fromBase.values[Self.township]?[.closedOnTime], .rate(4, of: 4))
        XCTAssertEqual(fromBase.values[Self.township]?[Self.neighbourOnTime], .rate(2, of: 3), "the defined one keeps B")

        let elsewhere = try Self.tally(exclusions: [AssessmentExclusion(unit: Self.housing, indicator: Self.neighbourOnTime.key, caseId: 1)])
        XCTAssertEqual(elsewhere.values[Self.township]?[Self.neighbourOnTime], .rate(2, of: 3), "another unit's exclusion")
    }

    /// The drill-down of a defined indicator lists its cases with what counted each, and the listed cases add up to
    /// its value; tallying in parts and merging gives the whole.
    func testTracingListsTheCasesBehindADefinedIndicator() throws {
        let tally = try Self.tally(tracing: [Self.township, Self.housing])
        let onTime = try XCTUnwrap(tally.contributions[Self.township]?[Self.neighbourOnTime])
        XCTAssertEqual(onTime.map(\.caseId), [1, 2, 5])
        XCTAssertEqual(onTime.map(\.hit), [true, false, true])
        XCTAssertEqual(onTime.map(\.cause), ["closed", "closed", "closed"])
        XCTAssertEqual(onTime.map(\.at), [T.at(11, 9), T.at(11, 16), T.at(11, 17)])
        XCTAssertEqual(onTime.filter(\.hit).count, tally.values[Self.township]?[Self.neighbourOnTime]?.numerator)
        XCTAssertEqual(onTime.filter(\.counted).count, tally.values[Self.township]?[Self.neighbourOnTime]?.denominator)

        let supervised = try XCTUnwrap(tally.contributions[Self.township]?[Self.disputeSupervised])
        XCTAssertEqual(supervised, [AssessmentContribution(caseId: 5, at: T.at(11, 13), cause: "supervised", hit: true, counted: false)])
        XCTAssertEqual(tally.contributions[Self.township]?[Self.urbanSupervised]?.map(\.caseId), [3, 5])

        let signed = try XCTUnwrap(tally.contributions[Self.housing]?[Self.neighbourSigned])
        XCTAssertEqual(signed.map(\.caseId), [1, 2])
        XCTAssertEqual(signed.map(\.cause), ["sign_for_due", "sign_for_due"])
        XCTAssertEqual(signed.map(\.at), [T.at(11, 2, 12), T.at(11, 4, 12)])
        let closure = try XCTUnwrap(tally.contributions[Self.housing]?[Self.neighbourClosure])
        XCTAssertEqual(closure.map(\.caseId), [1, 2, 5])
        XCTAssertEqual(closure.map(\.cause), ["handling_due", "handling_due", "handling_due"])
        XCTAssertNil(tally.contributions[Self.urban], "only traced units keep their cases")

        // Traced with an exclusion: the excluded case is not listed.
        let excluded = try Self.tally(exclusions: [AssessmentExclusion(unit: Self.township, indicator: Self.neighbourOnTime.key, caseId: 5)],
                                      tracing: [Self.township])
        XCTAssertEqual(excluded.contributions[Self.township]?[Self.neighbourOnTime]?.map(\.caseId), [1, 2])

        var first = CaseAssessmentTally(period: try XCTUnwrap(T.november), tracing: [Self.township, Self.housing], defined: Self.all)
        var rest = first
        for (i, history) in Self.fixture().enumerated() {
            if i < 2 { first.add(history, caseId: Int64(i + 1)) } else { rest.add(history, caseId: Int64(i + 1)) }
        }
        first.merge(rest)
        XCTAssertEqual(first.values, tally.values)
        XCTAssertEqual(first.contributions, tally.contributions)
    }

    /// A recategorised case counts for a defined indicator by the category it had when each fact was counted: E's
    /// facts before the 12th are 城市管理's, those after 邻里纠纷's — whether counted at an event or at a deadline.
    func testARecategorisedCaseCountsByItsCategoryAtEachFact() throws {
        let tally = try Self.tally(tracing: [Self.township, Self.housing])
        func dates(_ unit: AssessedUnit, _ indicator: AssessmentIndicator) -> [Date] {
            (tally.contributions[unit]?[indicator] ?? []).filter { $0.caseId == 5 }.map(\.at)
        }
        // Events: the 督办 of the 10th under 城市管理, the 挂牌督办 of the 13th under 矛盾纠纷.
        XCTAssertEqual(dates(Self.township, Self.urbanSupervised), [T.at(11, 10, 10)])
        XCTAssertEqual(dates(Self.township, Self.disputeSupervised), [T.at(11, 13)])
        // Deadlines: the sign-for window of the 8th under 城市管理, the handling deadline of the 25th under 邻里纠纷.
        XCTAssertEqual(dates(Self.housing, Self.urbanSigned), [T.at(11, 8, 12)])
        XCTAssertEqual(dates(Self.housing, Self.neighbourSigned), [])
        XCTAssertEqual(dates(Self.housing, Self.neighbourClosure), [T.at(11, 25)])
        // An event: closed on the 17th as 邻里纠纷.
        XCTAssertEqual(dates(Self.township, Self.neighbourOnTime), [T.at(11, 17)])

        // With its history only up to the 督办 of the 10th, E is still 城市管理.
        var early = CaseAssessmentTally(period: try XCTUnwrap(T.november), defined: Self.all)
        early.add(Array(Self.fixture()[4].prefix(5)), caseId: 5)
        XCTAssertEqual(early.values[Self.township]?[Self.urbanSupervised], .count(1))
        XCTAssertNil(early.values[Self.township]?[Self.disputeSupervised])
    }

    /// A category name is matched within its kind only, and a case with no accepted event (still 待受理) counts for
    /// no defined indicator.
    func testNamesMatchWithinTheirKindAndUnacceptedCasesCountForNone() throws {
        let period = try XCTUnwrap(T.november)
        let neighbourSupervised = Self.defined("custom_8", .township, .supervised, over: "dispute.neighbour", "邻里纠纷")
        var tally = CaseAssessmentTally(period: period, defined: Self.all + [neighbourSupervised])
        // The same name under another kind is another category.
        tally.add([
            T.reported("150201001002", T.at(11, 1, 8)), Self.accepted(.livelihood, "邻里纠纷", .grid, T.at(11, 1, 9)),
            Self.supervised(1, .order, T.at(11, 2)),
        ], caseId: 1)
        // Supervised before it was ever accepted.
        tally.add([T.reported("150201001002", T.at(11, 3, 8)), Self.supervised(1, .order, T.at(11, 4))], caseId: 2)
        XCTAssertEqual(tally.values[Self.township]?[.supervised], .count(2))
        XCTAssertNil(tally.values[Self.township]?[neighbourSupervised], "民生服务's 邻里纠纷 is not 矛盾纠纷 › 邻里纠纷")
        XCTAssertNil(tally.values[Self.township]?[Self.disputeSupervised])
        XCTAssertNil(tally.values[Self.township]?[Self.urbanSupervised])
    }
}
