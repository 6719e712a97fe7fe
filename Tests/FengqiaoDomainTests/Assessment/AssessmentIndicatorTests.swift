import FengqiaoDomain
import XCTest

/// Indicators as data: how they are stored (a built-in one as its key, a defined one as its definition), the admin's
/// form (`IndicatorSubmission`) with every rejection, one unit's typed value of a reported indicator
/// (`ReportedValueInput`), a quarter's reported value from its months (`ReportedTally`) and how a reported indicator
/// scores with and without a value.
final class AssessmentIndicatorTests: XCTestCase {
    static let categories = ["dispute": "矛盾纠纷", "dispute.neighbour": "邻里纠纷"]
    static let taken = Set(AssessmentIndicator.builtIn.map(\.chineseName))

    /// 台账完成率: a township rate entered by hand, higher is better.
    static let ledger = AssessmentIndicator(
        key: "custom_1", chineseName: "台账完成率", isRate: true, higherIsBetter: true, unitKinds: [.township],
        source: .reported, explanation: "按月报送的排查台账数 / 应报送数")

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    /// Every field, since `==` compares keys only.
    func assertSameInEveryField(_ a: AssessmentIndicator, _ b: AssessmentIndicator, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.key, b.key, file: file, line: line)
        XCTAssertEqual(a.chineseName, b.chineseName, file: file, line: line)
        XCTAssertEqual(a.isRate, b.isRate, file: file, line: line)
        XCTAssertEqual(a.higherIsBetter, b.higherIsBetter, file: file, line: line)
        XCTAssertEqual(a.unitKinds, b.unitKinds, file: file, line: line)
        XCTAssertEqual(a.source, b.source, file: file, line: line)
        XCTAssertEqual(a.explanation, b.explanation, file: file, line: line)
    }

    // MARK: Coding

    func testABuiltInIndicatorIsStoredAsItsKey() throws {
        XCTAssertEqual(try Self.encode(AssessmentIndicator.closureRate), "\"closure_rate\"")
        XCTAssertEqual(try Self.encode(IndicatorRule(.overdue, weight: 10, target: 0, floor: 10)),
                       #"{"floor":10,"indicator":"overdue","target":0,"weight":10}"#)
        for indicator in AssessmentIndicator.builtIn {
            XCTAssertFalse(indicator.isDefined, indicator.key)
            let back = try Self.decode(AssessmentIndicator.self, try Self.encode(indicator))
            assertSameInEveryField(back, indicator)
        }
        XCTAssertEqual(Set(AssessmentIndicator.builtIn.map(\.key)).count, 12)
    }

    func testADefinedIndicatorIsStoredAsItsDefinitionAndReadsBackTheSame() throws {
        let neighbour = AssessmentIndicator(
            key: "custom_2", chineseName: "邻里纠纷退单率", isRate: true, higherIsBetter: false, unitKinds: [.department],
            source: .category(base: "return_rate", category: "dispute.neighbour", categoryName: "邻里纠纷"))
        for indicator in [Self.ledger, neighbour] {
            XCTAssertTrue(indicator.isDefined)
            let json = try Self.encode(indicator)
            XCTAssertTrue(json.hasPrefix("{"), json)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            XCTAssertEqual(object["key"] as? String, indicator.key)
            XCTAssertEqual(object["name"] as? String, indicator.chineseName)
            XCTAssertEqual(object["unit_kinds"] as? [String], indicator.unitKinds.map(\.rawValue))
            assertSameInEveryField(try Self.decode(AssessmentIndicator.self, json), indicator)
        }
        let stored = try JSONSerialization.jsonObject(with: Data(try Self.encode(neighbour).utf8)) as? [String: Any]
        XCTAssertNotNil(stored?["source"])
        XCTAssertNil(stored?["explanation"], "no 口径说明, none stored")

        // Inside a template the two kinds sit side by side and come back whole.
        let template = AssessmentTemplate(
            name: "乡镇月度考核", unitKind: .township, periodKind: .month,
            rules: [IndicatorRule(.closureRate, weight: 80, target: 0.95, floor: 0.6),
                    IndicatorRule(Self.ledger, weight: 20, target: 0.9, floor: 0.5)], awardCap: 5)
        let back = try Self.decode(AssessmentTemplate.self, try Self.encode(template))
        XCTAssertEqual(back, template)
        assertSameInEveryField(back.rules[1].indicator, Self.ledger)
        assertSameInEveryField(back.rules[0].indicator, .closureRate)
    }

    func testAnUnknownKeyDoesNotDecode() {
        XCTAssertThrowsError(try Self.decode(AssessmentIndicator.self, "\"custom_1\""), "a defined one is stored whole")
        XCTAssertThrowsError(try Self.decode(AssessmentIndicator.self, "\"no_such_indicator\""))
        XCTAssertThrowsError(try Self.decode(IndicatorRule.self, #"{"floor":10,"indicator":"nope","target":0,"weight":10}"#))
        XCTAssertThrowsError(try Self.decode(AssessmentIndicator.self, #"{"key":"custom_3","name":"缺字段"}"#))
    }

    func testAnOldScoreWithoutUnreportedReadsAsReported() throws {
        let old = #"{"points":7,"rule":{"floor":10,"indicator":"overdue","target":0,"weight":10},"value":{"numerator":3},"waived":false}"#
        let score = try Self.decode(IndicatorScore.self, old)
        XCTAssertFalse(score.unreported)
        XCTAssertEqual(score.points, 7)
        XCTAssertEqual(score.value, .count(3))
        XCTAssertEqual(score.rule.indicator, .overdue)
        let unreported = IndicatorScore(rule: IndicatorRule(Self.ledger, weight: 20, target: 0.9, floor: 0.5),
                                        value: .rate(0, of: 0), points: 0, unreported: true)
        XCTAssertEqual(try Self.decode(IndicatorScore.self, try Self.encode(unreported)), unreported)
        XCTAssertTrue(try Self.decode(IndicatorScore.self, try Self.encode(unreported)).unreported)
    }

    func testIndicatorsAreTheSameByKey() {
        let renamed = AssessmentIndicator(key: "closure_rate", chineseName: "别名", isRate: false, higherIsBetter: false,
                                          unitKinds: [.gridWorker], source: .reported)
        XCTAssertEqual(renamed, .closureRate)
        XCTAssertEqual([AssessmentIndicator.closureRate: 1][renamed], 1)
        XCTAssertEqual(Self.ledger.keyed("custom_9").key, "custom_9")
        assertSameInEveryField(Self.ledger.keyed("custom_1"), Self.ledger)
        XCTAssertEqual(AssessmentIndicator.builtIn("satisfaction"), .satisfaction)
        XCTAssertNil(AssessmentIndicator.builtIn("custom_1"))
        XCTAssertFalse(AssessmentIndicator.categoryBases.contains(.mediationSucceeded))
        XCTAssertFalse(AssessmentIndicator.categoryBases.contains(.patrolCoverage))
        XCTAssertFalse(AssessmentIndicator.categoryBases.contains(.householdVisits))
    }

    // MARK: IndicatorSubmission

    func testAValidReportedDefinition() throws {
        let submission = IndicatorSubmission(name: " 台账完成率 ", unitKind: "township", source: "reported", shape: "rate",
                                             direction: "higher", explanation: " 按月报送的排查台账数 / 应报送数 ")
        let indicator = try submission.validate(key: "custom_1", taken: Self.taken, categories: Self.categories)
        assertSameInEveryField(indicator, Self.ledger)

        let count = try IndicatorSubmission(name: "安全事故起数", unitKind: "grid_worker", source: "reported", shape: "count",
                                            direction: "lower", base: "closure_rate", category: "dispute",
                                            explanation: "网格内发生的安全事故")
            .validate(key: "custom_5", taken: Self.taken, categories: Self.categories)
        XCTAssertFalse(count.isRate)
        XCTAssertFalse(count.higherIsBetter)
        XCTAssertEqual(count.unitKinds, [.gridWorker])
        XCTAssertEqual(count.source, .reported, "a base and a category typed for a reported one are ignored")
    }

    func testAValidCategoryDefinitionTakesItsShapeFromTheBase() throws {
        let returns = try IndicatorSubmission(name: "邻里纠纷退单率", unitKind: "department", source: "category",
                                              shape: "count", direction: "higher", base: "return_rate", category: "dispute.neighbour")
            .validate(key: "custom_2", taken: Self.taken, categories: Self.categories)
        XCTAssertEqual(returns.key, "custom_2")
        XCTAssertEqual(returns.chineseName, "邻里纠纷退单率")
        XCTAssertTrue(returns.isRate, "退单率 is a rate whatever shape was typed")
        XCTAssertFalse(returns.higherIsBetter, "退单率 is better low whatever direction was typed")
        XCTAssertEqual(returns.unitKinds, [.department])
        XCTAssertEqual(returns.source, .category(base: "return_rate", category: "dispute.neighbour", categoryName: "邻里纠纷"))
        XCTAssertNil(returns.explanation, "口径说明 is optional for a category one")

        let overdue = try IndicatorSubmission(name: "矛盾纠纷超期件数", unitKind: "township", source: "category",
                                              base: "overdue", category: "dispute", explanation: "矛盾纠纷类案件超期")
            .validate(key: "custom_3", taken: Self.taken, categories: Self.categories)
        XCTAssertFalse(overdue.isRate)
        XCTAssertFalse(overdue.higherIsBetter)
        XCTAssertEqual(overdue.source, .category(base: "overdue", category: "dispute", categoryName: "矛盾纠纷"))
        XCTAssertEqual(overdue.explanation, "矛盾纠纷类案件超期")
    }

    /// The `field:code` pairs the submission is refused with.
    func refusal(_ submission: IndicatorSubmission, taken: Set<String> = taken) -> [String] {
        do {
            _ = try submission.validate(key: "custom_1", taken: taken, categories: Self.categories)
            return ["accepted"]
        } catch {
            guard case .validation(let errors) = error else { return ["\(error)"] }
            return errors.map { "\($0.field):\($0.code)" }
        }
    }

    func testEveryRejectionOfADefinition() {
        func reported(name: String? = "台账完成率", unitKind: String? = "township", shape: String? = "rate",
                      direction: String? = "higher", explanation: String? = "口径") -> IndicatorSubmission {
            IndicatorSubmission(name: name, unitKind: unitKind, source: "reported", shape: shape, direction: direction,
                                explanation: explanation)
        }
        func category(unitKind: String? = "township", base: String? = "closure_rate", category: String? = "dispute",
                      explanation: String? = nil) -> IndicatorSubmission {
            IndicatorSubmission(name: "纠纷办结率", unitKind: unitKind, source: "category", base: base, category: category,
                                explanation: explanation)
        }
        XCTAssertEqual(refusal(reported()), ["accepted"])
        XCTAssertEqual(refusal(category()), ["accepted"])

        XCTAssertEqual(refusal(reported(name: nil)), ["name:required"])
        XCTAssertEqual(refusal(reported(name: "  ")), ["name:required"])
        XCTAssertEqual(refusal(reported(name: String(repeating: "率", count: IndicatorSubmission.maxNameLength))), ["accepted"])
        XCTAssertEqual(refusal(reported(name: String(repeating: "率", count: IndicatorSubmission.maxNameLength + 1))),
                       ["name:too_long"])
        XCTAssertEqual(refusal(reported(name: "办结率")), ["name:duplicate"], "a built-in name is taken")
        XCTAssertEqual(refusal(reported(name: " 台账完成率"), taken: Self.taken.union(["台账完成率"])), ["name:duplicate"])

        XCTAssertEqual(refusal(reported(unitKind: nil)), ["unitKind:required"])
        XCTAssertEqual(refusal(reported(unitKind: "village")), ["unitKind:unknown"])

        XCTAssertEqual(refusal(IndicatorSubmission(name: "台账完成率", unitKind: "township", source: nil)), ["source:required"])
        XCTAssertEqual(refusal(IndicatorSubmission(name: "台账完成率", unitKind: "township", source: " ")), ["source:required"])
        XCTAssertEqual(refusal(IndicatorSubmission(name: "台账完成率", unitKind: "township", source: "measured")), ["source:unknown"])

        XCTAssertEqual(refusal(reported(shape: nil)), ["shape:required"])
        XCTAssertEqual(refusal(reported(shape: "ratio")), ["shape:required"])
        XCTAssertEqual(refusal(reported(direction: nil)), ["direction:required"])
        XCTAssertEqual(refusal(reported(direction: "up")), ["direction:required"])
        XCTAssertEqual(refusal(reported(explanation: nil)), ["explanation:required"])
        XCTAssertEqual(refusal(reported(explanation: " ")), ["explanation:required"])
        XCTAssertEqual(refusal(reported(explanation: String(repeating: "口", count: IndicatorSubmission.maxExplanationLength))),
                       ["accepted"])
        XCTAssertEqual(refusal(reported(explanation: String(repeating: "口", count: IndicatorSubmission.maxExplanationLength + 1))),
                       ["explanation:too_long"])
        XCTAssertEqual(refusal(category(explanation: String(repeating: "口", count: IndicatorSubmission.maxExplanationLength + 1))),
                       ["explanation:too_long"])

        XCTAssertEqual(refusal(category(base: nil)), ["base:required"])
        XCTAssertEqual(refusal(category(base: "no_such_measure")), ["base:unknown"])
        XCTAssertEqual(refusal(category(base: "mediation_succeeded")), ["base:not_applicable"], "调解成功率 is not counted case by case")
        XCTAssertEqual(refusal(category(base: "household_visits")), ["base:not_applicable"])
        XCTAssertEqual(refusal(category(unitKind: "department", base: "village_resolved")), ["base:not_applicable"],
                       "村级化解率 is a township measure")
        XCTAssertEqual(refusal(category(unitKind: "township", base: "signed_on_time")), ["base:not_applicable"])
        XCTAssertEqual(refusal(category(category: nil)), ["category:required"])
        XCTAssertEqual(refusal(category(category: "dispute.nothing")), ["category:unknown"])

        // Everything wrong at once is listed at once.
        XCTAssertEqual(refusal(IndicatorSubmission(name: nil, unitKind: "village", source: "reported")),
                       ["name:required", "unitKind:unknown", "shape:required", "direction:required", "explanation:required"])
        XCTAssertEqual(refusal(IndicatorSubmission(name: "办结率", unitKind: nil, source: "category", base: "nope", category: "x")),
                       ["name:duplicate", "unitKind:required", "base:unknown", "category:unknown"])
    }

    // MARK: ReportedValueInput

    static let count = AssessmentIndicator(key: "custom_4", chineseName: "排查次数", isRate: false, higherIsBetter: true,
                                           unitKinds: [.township], source: .reported, explanation: "次数")

    /// The value read and the `field:code` pairs of its errors.
    func read(_ input: ReportedValueInput, _ indicator: AssessmentIndicator = ledger) -> (IndicatorValue?, String?, [String]) {
        var errors: [FieldError] = []
        let read = input.value(for: indicator, field: "values[150207001000]", label: "沙河街道", errors: &errors)
        XCTAssertTrue(errors.allSatisfy { $0.message.hasPrefix("沙河街道") }, "\(errors)")
        return (read?.value, read?.note, errors.map { "\($0.field):\($0.code)" })
    }

    func testAUnitsValueAsTyped() {
        let count = read(ReportedValueInput(numerator: " 12 ", denominator: "99", note: " 含补报 "), Self.count)
        XCTAssertEqual(count.0, .count(12))
        XCTAssertEqual(count.1, "含补报")
        XCTAssertEqual(count.2, [])
        XCTAssertEqual(read(ReportedValueInput(numerator: "0"), Self.count).0, .count(0))
        XCTAssertEqual(read(ReportedValueInput(numerator: String(ReportedValueInput.maxNumber)), Self.count).0,
                       .count(ReportedValueInput.maxNumber))

        let rate = read(ReportedValueInput(numerator: "7", denominator: "10"))
        XCTAssertEqual(rate.0, .rate(7, of: 10))
        XCTAssertNil(rate.1)
        XCTAssertEqual(rate.2, [])
        XCTAssertEqual(read(ReportedValueInput(numerator: "10", denominator: "10")).0, .rate(10, of: 10))
        XCTAssertEqual(read(ReportedValueInput(numerator: "0", denominator: "1")).0, .rate(0, of: 1))

        for blank in [ReportedValueInput(numerator: nil), ReportedValueInput(numerator: " ", denominator: ""),
                      ReportedValueInput(numerator: nil, denominator: nil, note: "未报送")] {
            let read = read(blank)
            XCTAssertNil(read.0, "blank is not reported")
            XCTAssertEqual(read.2, [])
        }
        XCTAssertNil(read(ReportedValueInput(numerator: "", denominator: "5"), Self.count).0,
                     "a count's denominator is not read")
    }

    func testEveryRejectionOfAValue() {
        let f = "values[150207001000]"
        XCTAssertEqual(read(ReportedValueInput(numerator: "1.5"), Self.count).2, ["\(f).numerator:invalid"])
        XCTAssertEqual(read(ReportedValueInput(numerator: "十二"), Self.count).2, ["\(f).numerator:invalid"])
        XCTAssertEqual(read(ReportedValueInput(numerator: "-1"), Self.count).2, ["\(f).numerator:invalid"])
        XCTAssertEqual(read(ReportedValueInput(numerator: String(ReportedValueInput.maxNumber + 1)), Self.count).2,
                       ["\(f).numerator:invalid"])
        XCTAssertEqual(read(ReportedValueInput(numerator: "1", denominator: "-3")).2, ["\(f).denominator:invalid"])
        XCTAssertEqual(read(ReportedValueInput(numerator: "x", denominator: "y")).2,
                       ["\(f).numerator:invalid", "\(f).denominator:invalid"])
        XCTAssertEqual(read(ReportedValueInput(numerator: "0", denominator: "0")).2, ["\(f).denominator:out_of_range"])
        XCTAssertEqual(read(ReportedValueInput(numerator: "11", denominator: "10")).2, ["\(f).numerator:out_of_range"])
        XCTAssertEqual(read(ReportedValueInput(numerator: "3", denominator: nil)).2, ["\(f).denominator:required"])
        XCTAssertEqual(read(ReportedValueInput(numerator: " ", denominator: "5")).2, ["\(f).numerator:required"])
        let longNote = String(repeating: "注", count: ReportedValueInput.maxNoteLength + 1)
        XCTAssertEqual(read(ReportedValueInput(numerator: "3", denominator: "5", note: longNote)).2, ["\(f).note:too_long"])
        XCTAssertEqual(read(ReportedValueInput(numerator: nil, note: longNote)).2, ["\(f).note:too_long"],
                       "a note too long is refused even with no value")
        XCTAssertEqual(read(ReportedValueInput(numerator: "3", denominator: "5",
                                               note: String(repeating: "注", count: ReportedValueInput.maxNoteLength))).2, [])
        for bad in [ReportedValueInput(numerator: "11", denominator: "10"), ReportedValueInput(numerator: "3")] {
            XCTAssertNil(read(bad).0, "a refused value is no value")
        }
    }

    // MARK: ReportedTally

    func testAQuarterWithoutItsOwnValueAddsUpItsMonths() throws {
        let october = try XCTUnwrap(AssessmentPeriod(key: "2026-10"))
        let q4 = try XCTUnwrap(AssessmentPeriod(key: "2026-Q4"))
        let months: [String: IndicatorValue] = ["2026-10": .count(5), "2026-12": .count(7), "2026-09": .count(100)]
        XCTAssertEqual(ReportedTally.value(for: october, entries: months)?.value, .count(5))
        XCTAssertEqual(ReportedTally.value(for: october, entries: months)?.from, ["2026-10"])
        XCTAssertNil(ReportedTally.value(for: try XCTUnwrap(AssessmentPeriod(key: "2026-11")), entries: months))
        XCTAssertNil(ReportedTally.value(for: october, entries: ["2026-Q4": .count(9)]), "a month takes nothing from its quarter")

        let summed = try XCTUnwrap(ReportedTally.value(for: q4, entries: months))
        XCTAssertEqual(summed.value, .count(12), "5 + 7; September is not in the quarter")
        XCTAssertEqual(summed.from, ["2026-10", "2026-12"])
        let rates = try XCTUnwrap(ReportedTally.value(for: q4, entries: ["2026-10": .rate(7, of: 10), "2026-11": .rate(2, of: 5)]))
        XCTAssertEqual(rates.value, .rate(9, of: 15), "a rate adds its parts, not its shares")
        XCTAssertEqual(rates.from, ["2026-10", "2026-11"])

        let own = try XCTUnwrap(ReportedTally.value(for: q4, entries: months.merging(["2026-Q4": .count(20)]) { a, _ in a }))
        XCTAssertEqual(own.value, .count(20), "the quarter's own value wins over its months'")
        XCTAssertEqual(own.from, ["2026-Q4"])
        XCTAssertNil(ReportedTally.value(for: q4, entries: [:]))
        XCTAssertNil(ReportedTally.value(for: q4, entries: ["2026-09": .count(3), "2027-01": .count(4)]))
    }

    // MARK: Scoring

    func testAReportedIndicatorWithoutAValueEarnsNothing() {
        let template = AssessmentTemplate(
            name: "乡镇月度考核", unitKind: .township, periodKind: .month,
            rules: [IndicatorRule(.closureRate, weight: 60, target: 0.95, floor: 0.6),
                    IndicatorRule(Self.ledger, weight: 20, target: 0.9, floor: 0.5),
                    IndicatorRule(Self.count, weight: 20, target: 10, floor: 0)], awardCap: 5)
        // Nothing entered: 办结率 has nothing to count from (full 60); both reported ones 未填报 (0).
        let blank = AssessmentScoring.score(unit: "150207001000", name: "沙河街道", template: template, values: [:])
        XCTAssertEqual(blank.indicators.map(\.points), [60, 0, 0])
        XCTAssertEqual(blank.indicators.map(\.unreported), [false, true, true])
        XCTAssertEqual(blank.indicators.map(\.waived), [false, false, false])
        XCTAssertEqual(blank.total, 60)

        // 7/10 → 20 × (0.7 − 0.5) / (0.9 − 0.5) = 10; 4 → 20 × 4 / 10 = 8; even a value of 0 is reported (0 points).
        let entered = AssessmentScoring.score(unit: "150207001000", name: "沙河街道", template: template,
                                              values: [Self.ledger: .rate(7, of: 10), Self.count: .count(4)])
        XCTAssertEqual(entered.indicators.map(\.points), [60, 10, 8])
        XCTAssertEqual(entered.indicators.map(\.unreported), [false, false, false])
        XCTAssertEqual(entered.total, 78)
        let zero = AssessmentScoring.score(unit: "150207001000", name: "沙河街道", template: template,
                                           values: [Self.ledger: .rate(0, of: 4), Self.count: .count(0)])
        XCTAssertEqual(zero.indicators.map(\.points), [60, 0, 0])
        XCTAssertEqual(zero.indicators.map(\.unreported), [false, false, false], "reported as zero is not 未填报")
        // 2/3 = 0.666… → 20 × 0.1666…/0.4 = 8.333… → 8.33.
        let third = AssessmentScoring.score(unit: "150207001000", name: "沙河街道", template: template,
                                            values: [Self.ledger: .rate(2, of: 3)])
        XCTAssertEqual(third.indicators[1].points, 8.33)

        // An upheld appeal waives it by key: full points, whether entered or not.
        let waived = AssessmentScoring.score(unit: "150207001000", name: "沙河街道", template: template, values: [:],
                                             waived: [Self.ledger.key])
        XCTAssertEqual(waived.indicators.map(\.points), [60, 20, 0])
        XCTAssertEqual(waived.indicators.map(\.waived), [false, true, false])
        XCTAssertEqual(waived.indicators.map(\.unreported), [false, false, true])

        // A value keyed by a copy of the indicator (as read back from storage) is the same indicator's value.
        let copy = Self.ledger.keyed(Self.ledger.key)
        let byCopy = AssessmentScoring.score(unit: "150207001000", name: "沙河街道", template: template,
                                             values: [copy: .rate(9, of: 10)])
        XCTAssertEqual(byCopy.indicators[1].points, 20)
    }

    func testACategoryIndicatorWithoutAValueScoresLikeItsBase() {
        let disputes = AssessmentIndicator(
            key: "custom_6", chineseName: "纠纷办结率", isRate: true, higherIsBetter: true, unitKinds: [.township],
            source: .category(base: "closure_rate", category: "dispute", categoryName: "矛盾纠纷"))
        let overdue = AssessmentIndicator(
            key: "custom_7", chineseName: "纠纷超期件数", isRate: false, higherIsBetter: false, unitKinds: [.township],
            source: .category(base: "overdue", category: "dispute", categoryName: "矛盾纠纷"))
        let template = AssessmentTemplate(
            name: "乡镇月度考核", unitKind: .township, periodKind: .month,
            rules: [IndicatorRule(disputes, weight: 50, target: 0.95, floor: 0.6),
                    IndicatorRule(overdue, weight: 50, target: 0, floor: 10)], awardCap: 5)
        let score = AssessmentScoring.score(unit: "150207001000", name: "沙河街道", template: template, values: [:])
        XCTAssertEqual(score.indicators.map(\.points), [50, 50], "no disputes due: not marked down; none overdue: full")
        XCTAssertEqual(score.indicators.map(\.unreported), [false, false], "a counted indicator is never 未填报")
    }
}
