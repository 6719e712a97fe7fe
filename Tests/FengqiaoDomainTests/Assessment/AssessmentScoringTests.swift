import FengqiaoDomain
import XCTest

/// Scoring against hand-worked numbers: each indicator's points, the awards' cap, deductions, places with ties,
/// movement since the last period and the laggards.
final class AssessmentScoringTests: XCTestCase {
    let township = AssessmentTemplate.standard(.township, .month)

    func testEveryStandardTemplateIsValidAndAddsUpToAHundred() {
        for unit in AssessedUnitKind.allCases {
            for period in AssessmentPeriodKind.allCases {
                let template = AssessmentTemplate.standard(unit, period)
                XCTAssertEqual(template.problems(), [], "\(unit) \(period)")
                XCTAssertEqual(template.rules.reduce(0) { $0 + $1.weight }, 100)
            }
        }
        XCTAssertEqual(township.rules.first { $0.indicator == .villageResolved }?.target, 0.95)
    }

    /// Worked by hand from the standard township month:
    /// 按时办结 18/20 = 0.9 → 20 × (0.9−0.6)/(0.95−0.6) = 17.142… → 17.14;
    /// 办结率 20/25 = 0.8 → 15 × 0.2/0.35 = 8.571… → 8.57;
    /// 满意率 19/20 = 0.95 → 20 (at target);
    /// 村级化解 14/20 = 0.7 → 0 (at the floor);
    /// 调解成功 0/0 → 10 (nothing to mediate, not marked down);
    /// 超期 3 → 10 × (3−10)/(0−10) = 7;
    /// 督办 6 → 0 (beyond the floor of 5).
    /// Template points 62.71; awards 3 + 4 capped at 5; deduction 2 → 65.71.
    func testATownshipMonthScoresAsWorkedByHand() {
        let values: [AssessmentIndicator: IndicatorValue] = [
            .closedOnTime: .rate(18, of: 20), .closureRate: .rate(20, of: 25), .satisfaction: .rate(19, of: 20),
            .villageResolved: .rate(14, of: 20), .mediationSucceeded: .rate(0, of: 0), .overdue: .count(3),
            .supervised: .count(6),
        ]
        let score = AssessmentScoring.score(
            unit: "150201001", name: "沙河镇", template: township, values: values,
            adjustments: [ManualAdjustment(kind: .award, points: 3, reason: "和事佬工作室"),
                          ManualAdjustment(kind: .award, points: 4, reason: "矛盾纠纷排查"),
                          ManualAdjustment(kind: .deduction, points: 2, reason: "通报批评")])
        XCTAssertEqual(score.indicators.map(\.points), [17.14, 8.57, 20, 0, 10, 7, 0])
        XCTAssertEqual(score.templatePoints, 62.71, accuracy: 0.000_001)
        XCTAssertEqual(score.awarded, 5, "awards are capped by the template")
        XCTAssertEqual(score.deducted, 2)
        XCTAssertEqual(score.total, 65.71)
        let again = AssessmentScoring.score(unit: "150201001", name: "沙河镇", template: township, values: values,
                                            adjustments: [ManualAdjustment(kind: .award, points: 3, reason: "和事佬工作室"),
                                                          ManualAdjustment(kind: .award, points: 4, reason: "矛盾纠纷排查"),
                                                          ManualAdjustment(kind: .deduction, points: 2, reason: "通报批评")])
        XCTAssertEqual(again, score, "the same inputs give the same score")
    }

    func testLowerIsBetterRatesAndMissingValues() {
        let returns = IndicatorRule(.returnRate, weight: 10, target: 0.02, floor: 0.2)
        XCTAssertEqual(returns.points(for: .rate(1, of: 100)), 10, "better than the target is full points")
        XCTAssertEqual(returns.points(for: .rate(11, of: 100)), 5, "half-way between target and floor")
        XCTAssertEqual(returns.points(for: .rate(30, of: 100)), 0)
        let missing = AssessmentScoring.score(unit: "d1", name: "住建局", template: .standard(.department, .month), values: [:])
        XCTAssertEqual(missing.total, 100, "no work given: rates are not marked down and no count is held against it")
        let visits = AssessmentScoring.score(unit: "g1", name: "网格员", template: .standard(.gridWorker, .month), values: [:])
        XCTAssertEqual(visits.total, 50, "no visits recorded earns none of the visits' points")
    }

    func testRankingSharesPlacesTracksMovementAndMarksLaggards() {
        func unit(_ code: String, _ total: Double) -> UnitScore {
            UnitScore(unit: code, name: code, indicators: [], awarded: total, deducted: 0)
        }
        let last = [unit("a", 90), unit("b", 80), unit("c", 70)]
        let now = [unit("c", 95), unit("a", 88), unit("b", 88), unit("d", 50)]
        let rows = Ranking.rank(now, previous: last, laggards: 1, floor: 60)
        XCTAssertEqual(rows.map(\.score.unit), ["c", "a", "b", "d"])
        XCTAssertEqual(rows.map(\.rank), [1, 2, 2, 4])
        XCTAssertEqual(rows.map(\.rankChange), [2, -1, 0, nil])
        XCTAssertEqual(rows.map(\.totalChange), [25, -2, 8, nil])
        XCTAssertEqual(rows.map(\.laggard), [false, false, false, true])
        let tiedLast = Ranking.rank([unit("a", 90), unit("b", 70), unit("c", 70)], laggards: 1)
        XCTAssertEqual(tiedLast.map(\.laggard), [false, true, true], "a tie for the last place calls both in")
        XCTAssertEqual(Ranking.rank([unit("a", 10)]).map(\.laggard), [false], "a unit alone is nobody's laggard")
        XCTAssertEqual(Ranking.rank([unit("a", 50), unit("b", 50), unit("c", 50)], laggards: 1).map(\.laggard),
                       [false, false, false], "when all tie, nobody is behind")
        XCTAssertEqual(Ranking.rank([unit("a", 50), unit("b", 50)], laggards: 1, floor: 60).map(\.laggard), [true, true],
                       "under the floor still counts when all tie")
        let underFloor = Ranking.rank([unit("a", 90), unit("b", 59), unit("c", 30)], laggards: 1, floor: 60)
        XCTAssertEqual(underFloor.map(\.laggard), [false, true, true])
    }

    func testATemplateIsRefusedFieldByField() {
        var bad = township
        bad.name = " "
        bad.rules[0].weight = 30  // with the three below: 120
        bad.rules.append(IndicatorRule(.patrolCoverage, weight: 5, target: 0.9, floor: 0.3))
        bad.rules.append(IndicatorRule(.overdue, weight: 5, target: 5, floor: 1))
        bad.rules.append(IndicatorRule(.satisfaction, weight: 0, target: 1.5, floor: 0.5))
        bad.awardCap = 50
        let codes = Set(bad.problems().map { "\($0.field):\($0.code)" })
        XCTAssertEqual(codes, [
            "name:required", "rules[7].indicator:not_applicable", "rules[8].indicator:duplicate",
            "rules[8].floor:invalid_range", "rules[9].indicator:duplicate", "rules[9].weight:out_of_range",
            "rules[9].target:out_of_range", "rules:weights_total", "awardCap:out_of_range",
        ])
        XCTAssertTrue(bad.problems().contains { $0.message == "各项指标分值合计应为 100 分,现为 120 分" })
        var empty = township
        empty.rules = []
        XCTAssertEqual(empty.problems().map(\.code), ["required"])
    }
}
