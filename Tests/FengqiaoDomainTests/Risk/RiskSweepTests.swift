import FengqiaoDomain
import XCTest

/// The full scan finds what incremental evaluation of each new case finds, and takes 突发's baseline from the
/// same weekday of earlier weeks.
final class RiskSweepTests: XCTestCase {
    typealias F = RiskFixtures

    func testTheSweepFindsEachSituationOnceWithAllItsCases() {
        let facts = [
            F.fact(1, day: 1, category: "labourWages", respondent: "org:1"),
            F.fact(2, day: 2, category: "labourWages", respondent: "org:1"),
            F.fact(3, day: 3, category: "labourWages", respondent: "org:1", text: "准备拉横幅"),
            F.fact(4, day: 3, grid: "150207001001:09", category: "neighbour", respondent: "org:2", people: 30),
        ]
        let findings = RiskSweep.findings(in: facts, asOf: F.asOf(day: 3), book: { _ in .standard }, history: { _ in [] })
        XCTAssertEqual(findings.map(\.subject).sorted(), [
            "cluster|labourWages|org:1", "hotspot|grid|150207001001:01|labourWages", "keyword|case|3", "mass|case|4",
        ])
        XCTAssertEqual(findings.first { $0.rule == .cluster }?.caseIds, [1, 2, 3])
        XCTAssertEqual(findings.first { $0.rule == .mass }?.level, .orange)

        // Incremental: evaluating the groups of the last case with everything known finds the same situations it is in.
        let incremental = RiskGroupKey.groups(of: facts[2], book: .standard).compactMap {
            RiskRules.evaluate($0, facts: facts, asOf: F.asOf(day: 3), book: .standard)
        }
        XCTAssertEqual(Set(incremental), Set(findings.filter { $0.caseIds.contains(3) }))
    }

    func testTheSweepUsesEachAreasBook() {
        let facts = (1...3).map { F.fact(Int64($0), respondent: "org:1") }
        var strict = RiskRuleBook.standard
        strict.cluster.bands = RiskLevelBands(blue: 4)
        let findings = RiskSweep.findings(in: facts, asOf: F.asOf(day: 0), book: { _ in strict }, history: { _ in [] })
        XCTAssertFalse(findings.contains { $0.rule == .cluster })
    }

    func testSurgeHistoryIsTheSameWeekdayOfEarlierWeeks() {
        XCTAssertEqual(RiskSweep.previousWeekdays(of: "2026-03-02", weeks: 3), ["2026-02-23", "2026-02-16", "2026-02-09"])
        XCTAssertNil(RiskSweep.previousWeekdays(of: "2026-3", weeks: 3))
        // Two cases each Monday for eight weeks, then nine on the ninth Monday (day 56).
        var facts: [RiskCaseFact] = []
        for week in 0..<8 {
            facts += (0..<2).map { F.fact(Int64(week * 10 + $0), day: week * 7, area: "150207001", category: "traffic") }
        }
        facts += (0..<9).map { F.fact(Int64(100 + $0), day: 56, area: "150207001", category: "traffic") }
        let key = RiskGroupKey.surge(areaCode: "150207001", category: "traffic", day: facts[facts.count - 1].reportedDay)
        func count(_ area: String, _ category: String, _ day: String) -> Int {
            facts.filter { $0.areaCode == area && $0.category == category && $0.reportedDay == day }.count
        }
        XCTAssertEqual(RiskSweep.weekdayHistory(of: key, weeks: 8, count: count), Array(repeating: 2, count: 8))
        XCTAssertEqual(RiskSweep.weekdayHistory(of: .hotspotAddress("幸福路12号"), weeks: 8, count: count), [])
        let findings = RiskSweep.findings(in: facts, asOf: F.asOf(day: 56), book: { _ in .standard },
                                          history: { RiskSweep.weekdayHistory(of: $0, weeks: 8, count: count) })
        let surge = findings.filter { $0.rule == .surge }
        XCTAssertEqual(surge.map(\.subject), ["surge|150207001|traffic|\(key.subject.split(separator: "|").last ?? "")"])
        XCTAssertEqual(surge.first?.caseIds.count, 9)
        XCTAssertEqual(surge.first?.level, .red)  // (9 − 2) / 1 = 7σ
    }
}
