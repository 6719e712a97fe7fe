import FengqiaoDomain
import XCTest

/// Each rule fires on the situation it is for and stays quiet just short of it or off its subject.
final class RiskRulesTests: XCTestCase {
    typealias F = RiskFixtures
    let book = RiskRuleBook.standard

    // MARK: 群发

    func testClusterFiresAtThreeCasesOfACategoryAgainstOneRespondentWithinThirtyDays() throws {
        let facts = [F.fact(1, day: 0, respondent: "org:12"), F.fact(2, day: 10, respondent: "org:12"),
                     F.fact(3, day: 29, respondent: "org:12")]
        let group = RiskGroupKey.cluster(category: "labourWages", respondent: "org:12")
        let finding = try XCTUnwrap(RiskRules.evaluate(group, facts: facts, asOf: F.asOf(day: 29), book: book,
                                                       name: { $0 == "labourWages" ? "拖欠工资" : $0 }))
        XCTAssertEqual(finding.rule, .cluster)
        XCTAssertEqual(finding.level, .blue)
        XCTAssertEqual(finding.caseIds, [1, 2, 3])
        XCTAssertEqual(finding.subject, "cluster|labourWages|org:12")
        XCTAssertEqual(finding.measures.first?.value, 3)
        XCTAssertEqual(finding.measures.first?.threshold, 3)
        XCTAssertTrue(finding.explanation.contains("群发"), finding.explanation)
        XCTAssertTrue(finding.explanation.contains("拖欠工资"), finding.explanation)
        XCTAssertTrue(finding.explanation.contains("3 件(阈值 3 件)"), finding.explanation)
    }

    func testClusterRisesWithTheCount() throws {
        let facts = (1...10).map { F.fact(Int64($0), day: $0, respondent: "org:12") }
        let finding = try XCTUnwrap(RiskRules.evaluate(.cluster(category: "labourWages", respondent: "org:12"),
                                                       facts: facts, asOf: F.asOf(day: 10), book: book))
        XCTAssertEqual(finding.level, .orange)
        XCTAssertEqual(finding.caseIds.count, 10)
    }

    /// A large situation is judged by its whole count and linked by the latest cases it was given.
    func testAGroupIsJudgedByItsTotalWhenGivenOnlyItsLatestCases() throws {
        let latest = [F.fact(41, day: 9, respondent: "org:12"), F.fact(42, day: 10, respondent: "org:12")]
        let group = RiskGroupKey.cluster(category: "labourWages", respondent: "org:12")
        let finding = try XCTUnwrap(RiskRules.evaluate(group, facts: latest, asOf: F.asOf(day: 10), book: book, total: 42))
        XCTAssertEqual(finding.level, .red)
        XCTAssertEqual(finding.caseIds, [41, 42])
        XCTAssertEqual(finding.measures.first?.value, 42)
        XCTAssertNil(RiskRules.evaluate(group, facts: latest, asOf: F.asOf(day: 10), book: book, total: 2))
    }

    func testClusterStaysQuietOutsideTheWindowOrOffItsSubject() {
        let group = RiskGroupKey.cluster(category: "labourWages", respondent: "org:12")
        // The first case fell out of the 30-day window.
        let old = [F.fact(1, day: 0, respondent: "org:12"), F.fact(2, day: 20, respondent: "org:12"),
                   F.fact(3, day: 30, respondent: "org:12")]
        XCTAssertNil(RiskRules.evaluate(group, facts: old, asOf: F.asOf(day: 30), book: book))
        // Another respondent and another category do not count.
        let mixed = [F.fact(1, respondent: "org:12"), F.fact(2, respondent: "org:13"),
                     F.fact(3, category: "neighbour", respondent: "org:12")]
        XCTAssertNil(RiskRules.evaluate(group, facts: mixed, asOf: F.asOf(day: 0), book: book))
        // Cases reported after the evaluation time are not yet known.
        let later = [F.fact(1, respondent: "org:12"), F.fact(2, respondent: "org:12"), F.fact(3, day: 2, respondent: "org:12")]
        XCTAssertNil(RiskRules.evaluate(group, facts: later, asOf: F.asOf(day: 1), book: book))
    }

    func testADisabledRuleNeverFires() {
        var quiet = book
        quiet.cluster.enabled = false
        let facts = (1...5).map { F.fact(Int64($0), respondent: "org:12") }
        XCTAssertNil(RiskRules.evaluate(.cluster(category: "labourWages", respondent: "org:12"), facts: facts,
                                        asOf: F.asOf(day: 0), book: quiet))
        XCTAssertFalse(RiskGroupKey.groups(of: facts[0], book: quiet).contains { $0.rule == .cluster })
    }

    // MARK: 多发

    func testHotspotAtOneGridAndAtOneAddress() throws {
        let grid = (1...3).map { F.fact(Int64($0), day: $0, category: "noise") }
        let byGrid = try XCTUnwrap(RiskRules.evaluate(.hotspotGrid(grid: "150207001001:01", category: "noise"), facts: grid,
                                                      asOf: F.asOf(day: 3), book: book))
        XCTAssertEqual(byGrid.rule, .hotspot)
        XCTAssertEqual(byGrid.caseIds, [1, 2, 3])

        let spellings = ["幸福路 12号", "幸福路12号", "幸福路12号。"]
        let address = spellings.enumerated().map { F.fact(Int64($0.offset + 10), grid: nil, address: $0.element) }
        let key = try XCTUnwrap(address[0].addressKey)
        XCTAssertEqual(Set(address.compactMap(\.addressKey)), [key])
        let byAddress = try XCTUnwrap(RiskRules.evaluate(.hotspotAddress(key), facts: address, asOf: F.asOf(day: 0), book: book))
        XCTAssertEqual(byAddress.caseIds, [10, 11, 12])
    }

    func testHotspotNeedsThreeOfACategoryAtTheGridWithinSevenDays() {
        let group = RiskGroupKey.hotspotGrid(grid: "150207001001:01", category: "noise")
        let spread = [F.fact(1, day: 0, category: "noise"), F.fact(2, day: 4, category: "noise"), F.fact(3, day: 8, category: "noise")]
        XCTAssertNil(RiskRules.evaluate(group, facts: spread, asOf: F.asOf(day: 8), book: book))
        let otherGrid = [F.fact(1, category: "noise"), F.fact(2, category: "noise"), F.fact(3, grid: "150207001001:02", category: "noise")]
        XCTAssertNil(RiskRules.evaluate(group, facts: otherGrid, asOf: F.asOf(day: 0), book: book))
        let busyGrid = [F.fact(1, category: "noise"), F.fact(2, category: "parking"), F.fact(3, category: "garbage")]
        XCTAssertNil(RiskRules.evaluate(group, facts: busyGrid, asOf: F.asOf(day: 0), book: book))
        XCTAssertNil(F.fact(1, address: "12号").addressKey, "too short to name a place")
    }

    // MARK: 突发

    func testSurgeAboveMeanPlusTwoSigmaOfTheSameWeekday() throws {
        let today = (1...9).map { F.fact(Int64($0), day: 56, area: "150207001", category: "traffic") }
        let history = [2, 3, 2, 4, 3, 2, 3, 5]  // mean 3, σ ≈ 0.93 → taken as 1
        let finding = try XCTUnwrap(RiskRules.evaluate(.surge(areaCode: "150207001", category: "traffic", day: today[0].reportedDay),
                                                       facts: today, asOf: F.asOf(day: 56), book: book, history: history))
        XCTAssertEqual(finding.rule, .surge)
        XCTAssertEqual(finding.level, .red)  // (9 − 3) / 1 = 6σ
        XCTAssertEqual(finding.caseIds.count, 9)
        XCTAssertEqual(finding.measures.map(\.value), [9, 3, 6])
        XCTAssertEqual(finding.measures.first?.threshold, 5)  // mean + 2σ
    }

    func testSurgeStaysQuietWithinTheBaselineOrBelowTheMinimum() {
        let day = F.fact(0, day: 56).reportedDay
        let group = RiskGroupKey.surge(areaCode: "150207001", category: "traffic", day: day)
        let busyHistory = [10, 12, 9, 11, 10, 13, 12, 10]
        let normal = (1...12).map { F.fact(Int64($0), day: 56, area: "150207001", category: "traffic") }
        XCTAssertNil(RiskRules.evaluate(group, facts: normal, asOf: F.asOf(day: 56), book: book, history: busyHistory))
        // From nothing to four is far above the mean but below the minimum of five cases.
        let few = (1...4).map { F.fact(Int64($0), day: 56, area: "150207001", category: "traffic") }
        XCTAssertNil(RiskRules.evaluate(group, facts: few, asOf: F.asOf(day: 56), book: book, history: Array(repeating: 0, count: 8)))
    }

    func testSurgeBaselineFloorsTheDeviationAtOneCase() {
        let flat = SurgeBaseline(history: [4, 4, 4, 4])
        XCTAssertEqual(flat.mean, 4)
        XCTAssertEqual(flat.deviation, 1)
        XCTAssertEqual(flat.threshold(k: 2), 6)
        let spread = SurgeBaseline(history: [0, 10])
        XCTAssertEqual(spread.deviation, 5)
        XCTAssertEqual(spread.sigmas(15), 2)
        XCTAssertEqual(SurgeBaseline(history: []).mean, 0)
    }

    // MARK: 涉众

    func testMassByPeopleOrByAmountTakesTheHigherLevel() throws {
        let many = F.fact(1, people: 12)
        let byPeople = try XCTUnwrap(RiskRules.evaluate(.single(rule: .mass, caseId: 1), facts: [many], asOf: F.asOf(day: 0), book: book))
        XCTAssertEqual(byPeople.level, .yellow)
        XCTAssertEqual(byPeople.measures.map(\.label), ["涉及人数"])
        XCTAssertTrue(byPeople.summary.hasSuffix("涉及人数 12 人"), byPeople.summary)

        let rich = F.fact(2, people: 6, amountFen: 120_000_000)  // ¥1,200,000
        let both = try XCTUnwrap(RiskRules.evaluate(.single(rule: .mass, caseId: 2), facts: [rich], asOf: F.asOf(day: 0), book: book))
        XCTAssertEqual(both.level, .orange)
        XCTAssertEqual(both.measures.map(\.label), ["涉及人数", "涉及金额"])
        XCTAssertTrue(both.explanation.contains("1200000 元(阈值 1000000 元)"), both.explanation)
    }

    func testMassStaysQuietForSmallCases() {
        let small = F.fact(1, people: 4, amountFen: 9_999_999)  // 4 people, ¥99,999.99
        XCTAssertNil(RiskRules.evaluate(.single(rule: .mass, caseId: 1), facts: [small], asOf: F.asOf(day: 0), book: book))
    }

    // MARK: 重复反映

    func testRepeatBySamePersonWithinNinetyDays() throws {
        let facts = [F.fact(1, day: 0, category: "housing", applicant: "person:7"), F.fact(2, day: 40, category: "water", applicant: "person:7"),
                     F.fact(3, day: 80, category: "housing", applicant: "person:7")]
        let finding = try XCTUnwrap(RiskRules.evaluate(.repeatApplicant("person:7"), facts: facts, asOf: F.asOf(day: 80), book: book))
        XCTAssertEqual(finding.rule, .repeated)
        XCTAssertEqual(finding.caseIds, [1, 2, 3])
    }

    func testRepeatStaysQuietForOtherPeopleOrOldCases() {
        let facts = [F.fact(1, day: 0, applicant: "person:7"), F.fact(2, day: 40, applicant: "person:8"),
                     F.fact(3, day: 95, applicant: "person:7"), F.fact(4, day: 96, applicant: "person:7")]
        XCTAssertNil(RiskRules.evaluate(.repeatApplicant("person:7"), facts: facts, asOf: F.asOf(day: 96), book: book))
        XCTAssertFalse(RiskGroupKey.groups(of: F.fact(9), book: book).contains { $0.rule == .repeated },
                       "an anonymous case has no applicant to repeat")
    }

    // MARK: 敏感词

    func testKeywordTakesTheHighestLevelFoundAndNamesTheWords() throws {
        let fact = F.fact(1, text: "工人讨薪多次未果,扬言要到公司楼顶跳楼")
        let finding = try XCTUnwrap(RiskRules.evaluate(.single(rule: .keyword, caseId: 1), facts: [fact], asOf: F.asOf(day: 0), book: book))
        XCTAssertEqual(finding.level, .red)
        XCTAssertTrue(finding.summary.contains("「跳楼」、「扬言」、「讨薪」"), finding.summary)
        XCTAssertEqual(finding.measures.first?.value, 3)
    }

    func testKeywordStaysQuietOnOrdinaryTextAndFollowsTheLexicon() {
        let ordinary = F.fact(1, text: "楼道内电动车充电,存在安全隐患")
        XCTAssertNil(RiskRules.evaluate(.single(rule: .keyword, caseId: 1), facts: [ordinary], asOf: F.asOf(day: 0), book: book))
        var custom = book
        custom.keyword.lexicon = ["充电": .yellow]
        let finding = RiskRules.evaluate(.single(rule: .keyword, caseId: 1), facts: [ordinary], asOf: F.asOf(day: 0), book: custom)
        XCTAssertEqual(finding?.level, .yellow)
    }

    /// Words are found at the start, in the middle and at the end of a text, after a false start, and never when
    /// only part of them is there or the word is empty.
    func testKeywordsAreFoundWhereverTheyStand() {
        let rule = KeywordRule(lexicon: ["讨薪": .yellow, "拉横幅": .orange, "": .red, "跳楼自杀未遂": .red])
        func words(_ text: String) -> [String] { rule.matches(in: text).map(\.word) }
        XCTAssertEqual(words("讨薪"), ["讨薪"])
        XCTAssertEqual(words("工人讨讨薪无果"), ["讨薪"], "a false start before the word")
        XCTAssertEqual(words("明天去拉横幅"), ["拉横幅"])
        XCTAssertEqual(words("拉横幅讨薪"), ["拉横幅", "讨薪"])
        XCTAssertEqual(words("讨要工资,拉横"), [], "neither word whole")
        XCTAssertEqual(words("跳楼"), [], "a text shorter than the word")
        XCTAssertEqual(words(""), [])
    }

    // MARK: 重点人员

    func testKeyPersonRaisesTheTagsLevel() throws {
        let fact = F.fact(1, tags: [.severeMentalDisorder, .keyPetitioner])
        let finding = try XCTUnwrap(RiskRules.evaluate(.single(rule: .keyPerson, caseId: 1), facts: [fact], asOf: F.asOf(day: 0), book: book))
        XCTAssertEqual(finding.level, .orange)
        XCTAssertTrue(finding.summary.contains("严重精神障碍患者、重点信访人员"), finding.summary)
    }

    func testKeyPersonStaysQuietWithoutSensitiveTags() {
        let fact = F.fact(1, tags: [.emptyNestElder, .veteran])
        XCTAssertNil(RiskRules.evaluate(.single(rule: .keyPerson, caseId: 1), facts: [fact], asOf: F.asOf(day: 0), book: book))
        XCTAssertEqual(KeyPersonRule(tags: [.veteran: .blue]).problems(field: "keyPerson").map(\.code), ["invalid_choice"])
    }

    // MARK: groups

    func testANewCaseBelongsToTheGroupsOfEveryEnabledRule() {
        let fact = F.fact(1, address: "幸福路12号", respondent: "org:3", applicant: "person:5")
        let groups = RiskGroupKey.groups(of: fact, book: book)
        XCTAssertEqual(Set(groups.map(\.rule)), Set(RiskRuleKind.allCases))
        XCTAssertTrue(groups.allSatisfy { $0.contains(fact) })
        XCTAssertEqual(Set(groups.map(\.subject)).count, groups.count, "each group is its own situation")
    }

    func testTheDeepestAreaBookIsInForce() {
        var township = RiskRuleBook.standard
        township.cluster.windowDays = 10
        var village = RiskRuleBook.standard
        village.cluster.windowDays = 5
        let books = ["150207001": township, "150207001001": village]
        XCTAssertEqual(RiskRuleBook.inForce(along: ["150207", "150207001", "150207001001"], books: books).cluster.windowDays, 5)
        XCTAssertEqual(RiskRuleBook.inForce(along: ["150207", "150207001", "150207001002"], books: books).cluster.windowDays, 10)
        XCTAssertEqual(RiskRuleBook.inForce(along: ["150207", "150207002"], books: books), .standard)
        XCTAssertEqual(RiskRuleBook.standard.problems(), [])
    }
}
