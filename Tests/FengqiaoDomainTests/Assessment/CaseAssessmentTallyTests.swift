import FengqiaoDomain
import XCTest

/// A hand-checked fixture: three cases of one township in November 2026, tallied event by event. The expected values
/// are worked out in the comments of `fixture()`.
final class CaseAssessmentTallyTests: XCTestCase {
    static let november = AssessmentPeriod(.month, year: 2026, number: 11)
    static let township = AssessedUnit(.township, "150201001000")
    static let housing = AssessedUnit.department(7)
    static let labour = AssessedUnit.department(8)

    static func at(_ month: Int, _ day: Int, _ hour: Int = 9) -> Date {
        ChinaTime.calendar.date(from: DateComponents(year: 2026, month: month, day: day, hour: hour)) ?? .distantPast
    }

    static func event(_ payload: CaseEvent.Payload, _ date: Date) -> CaseEvent {
        CaseEvent(payload, actor: CaseEventActor(kind: .system, name: "fixture"), at: date)
    }

    static func reported(_ area: String, _ date: Date) -> CaseEvent {
        event(.reported(kind: .dispute, channel: .phone, urgency: .normal, areaCode: area, gridCode: nil, trackingCode: nil), date)
    }

    static func accepted(_ tier: MediationTier, _ date: Date) -> CaseEvent {
        event(.accepted(acceptance: CaseAcceptance(kind: .dispute, category: "邻里纠纷", urgency: .normal, tier: tier)), date)
    }

    static func order(_ lead: Int64, window: Date, deadline: Date) -> DispatchOrder {
        DispatchOrder(lead: lead, deadline: deadline, returnWindowEnds: window)
    }

    static func fixture() -> [[CaseEvent]] {
        // A: accepted in October; 住建 signs in its window (on time), gets an extension to 20 Nov and feeds back on
        // the 15th (on time, done, not overdue); closed at village level, rated 满意.
        let a = [
            reported("150201001002", at(10, 30)), accepted(.village, at(10, 30)),
            event(.dispatched(order: order(7, window: at(11, 2, 10), deadline: at(11, 10))), at(10, 31)),
            event(.signedFor(department: 7, role: .lead), at(11, 2, 9)),
            event(.extensionApproved(until: at(11, 20)), at(11, 8)),
            event(.feedbackGiven(result: "已修复", evidence: [], waivedAssisting: []), at(11, 15)),
            event(.verified(note: nil), at(11, 16)),
            event(.closed(reply: "已处理", channel: .phone), at(11, 17)),
            event(.revisited(satisfaction: .satisfied, channel: .phone, reopened: false), at(11, 18)),
        ]
        // B: accepted in November; 人社 returns it within its window, it goes to 住建, which signs late, is
        // supervised (督办; the 催办 does not count), summoned with 人社 by a whistle (住建 in time, 人社 late),
        // escalated to the township and feeds back four days after its deadline (late, done, overdue); closed at
        // township level, rated 不满意.
        let b = [
            reported("150201001003", at(11, 3, 8)), accepted(.grid, at(11, 3, 8)),
            event(.dispatched(order: order(8, window: at(11, 3, 12), deadline: at(11, 12))), at(11, 3, 9)),
            event(.returned(department: 8, reason: "不属本部门职责"), at(11, 3, 11)),
            event(.reassigned(order: order(7, window: at(11, 4, 12), deadline: at(11, 14))), at(11, 4, 9)),
            event(.signedFor(department: 7, role: .lead), at(11, 5, 9)),
            event(.supervised(number: 1, kind: .order, note: "尽快办理", responseDue: at(11, 15)), at(11, 13)),
            event(.supervised(number: 2, kind: .reminder, note: "催办", responseDue: nil), at(11, 13, 10)),
            event(.escalated(from: .grid, to: .township, reason: "调解未果", automatic: false), at(11, 14)),
            event(.whistled(number: 1, departments: [7, 8], checkInDue: at(11, 15, 12)), at(11, 14, 10)),
            event(.checkedIn(whistle: 1, department: 7, late: false), at(11, 15, 10)),
            event(.checkedIn(whistle: 1, department: 8, late: true), at(11, 16)),
            event(.feedbackGiven(result: "已协调", evidence: [], waivedAssisting: []), at(11, 18)),
            event(.verified(note: nil), at(11, 18, 15)),
            event(.closed(reply: "已答复", channel: .phone), at(11, 19)),
            event(.revisited(satisfaction: .unsatisfied, channel: .phone, reopened: true), at(11, 20)),
        ]
        // C: accepted late in November and still open at its end; 人社 signs in time; its deadline is in December.
        // Its December feedback is past the period and must not count.
        let c = [
            reported("150201001002", at(11, 25)), accepted(.grid, at(11, 25)),
            event(.dispatched(order: order(8, window: at(11, 26, 12), deadline: at(12, 5))), at(11, 26, 9)),
            event(.signedFor(department: 8, role: .lead), at(11, 26, 10)),
            event(.feedbackGiven(result: "已办", evidence: [], waivedAssisting: []), at(12, 2)),
            event(.closed(reply: "已答复", channel: .phone), at(12, 3)),
        ]
        return [a, b, c]
    }

    func testNovemberTalliesAsWorkedByHand() throws {
        let period = try XCTUnwrap(Self.november)
        var tally = CaseAssessmentTally(period: period)
        for history in Self.fixture() { tally.add(history) }
        XCTAssertEqual(tally.values[Self.township], [
            .closedOnTime: .rate(1, of: 2), .villageResolved: .rate(1, of: 2), .satisfaction: .rate(1, of: 2),
            .closureRate: .rate(1, of: 2), .supervised: .count(1), .overdue: .count(1),
        ])
        XCTAssertEqual(tally.values[Self.housing], [
            .signedOnTime: .rate(1, of: 2), .returnRate: .rate(0, of: 1), .closedOnTime: .rate(1, of: 2),
            .closureRate: .rate(2, of: 2), .overdue: .count(1), .satisfaction: .rate(1, of: 2), .supervised: .count(1),
            .whistleOnTime: .rate(1, of: 1),
        ])
        XCTAssertEqual(tally.values[Self.labour], [
            .returnRate: .rate(1, of: 2), .signedOnTime: .rate(1, of: 1), .whistleOnTime: .rate(0, of: 1),
        ])
        XCTAssertEqual(Set(tally.values.keys), [Self.township, Self.housing, Self.labour])
    }

    /// Recomputing November after December's events were added, in any order of cases, gives the same values;
    /// October sees only what happened in October.
    func testAClosedPeriodRecomputesTheSame() throws {
        let period = try XCTUnwrap(Self.november)
        var first = CaseAssessmentTally(period: period)
        for history in Self.fixture() { first.add(history) }
        var later = Self.fixture()
        later[0].append(Self.event(.supervised(number: 1, kind: .listed, note: "挂牌", responseDue: nil), Self.at(12, 10)))
        later[2].append(Self.event(.revisited(satisfaction: .unsatisfied, channel: .sms, reopened: true), Self.at(12, 11)))
        var again = CaseAssessmentTally(period: period)
        for history in later.reversed() { again.add(history) }
        XCTAssertEqual(again.values, first.values)

        var october = CaseAssessmentTally(period: try XCTUnwrap(AssessmentPeriod(.month, year: 2026, number: 10)))
        for history in Self.fixture() { october.add(history) }
        XCTAssertEqual(october.values, [
            Self.township: [.closureRate: .rate(0, of: 1)],  // A accepted in October, not closed by its end
            Self.housing: [.returnRate: .rate(0, of: 1)],  // A dispatched in October; signed, due and done in November
        ])
    }

    /// Tallying the cases in parts and merging gives what one tally of all of them gives, contributions included.
    func testTalliesOfPartsMergeIntoTheWhole() throws {
        let period = try XCTUnwrap(Self.november)
        let traced: Set<AssessedUnit> = [Self.township, Self.housing, Self.labour]
        var whole = CaseAssessmentTally(period: period, tracing: traced)
        var first = CaseAssessmentTally(period: period, tracing: traced)
        var rest = CaseAssessmentTally(period: period, tracing: traced)
        for (i, history) in Self.fixture().enumerated() {
            whole.add(history, caseId: Int64(i + 1))
            if i == 0 { first.add(history, caseId: 1) } else { rest.add(history, caseId: Int64(i + 1)) }
        }
        first.merge(rest)
        XCTAssertEqual(first.values, whole.values)
        XCTAssertEqual(first.contributions, whole.contributions)
    }

    /// An upheld appeal takes one case out of one unit's indicator and nothing else; traced units list each case
    /// behind their values.
    func testExclusionsAndTracing() throws {
        let period = try XCTUnwrap(Self.november)
        let exclusions: Set<AssessmentExclusion> = [AssessmentExclusion(unit: Self.housing, indicator: AssessmentIndicator.overdue.key, caseId: 2)]
        var tally = CaseAssessmentTally(period: period, exclusions: exclusions, tracing: [Self.housing])
        for (i, history) in Self.fixture().enumerated() { tally.add(history, caseId: Int64(i + 1)) }
        XCTAssertNil(tally.values[Self.housing]?[.overdue], "case B was 住建's only overdue one")
        XCTAssertEqual(tally.values[Self.township]?[.overdue], .count(1), "the township's count keeps it")
        XCTAssertEqual(tally.values[Self.housing]?[.closedOnTime], .rate(1, of: 2))
        let lines = try XCTUnwrap(tally.contributions[Self.housing]?[.closedOnTime])
        XCTAssertEqual(lines.map(\.caseId), [1, 2])
        XCTAssertEqual(lines.map(\.hit), [true, false])
        XCTAssertEqual(lines.map(\.cause), ["feedback_given", "feedback_given"])
        let signing = try XCTUnwrap(tally.contributions[Self.housing]?[.signedOnTime])
        XCTAssertEqual(signing.map(\.cause), ["sign_for_due", "sign_for_due"])
        XCTAssertEqual(signing.map(\.at), [Self.at(11, 2, 10), Self.at(11, 4, 12)])
        XCTAssertNil(tally.contributions[Self.labour], "only traced units keep their cases")
        var mediations = CaseAssessmentTally(period: period)
        mediations.addMediation(areaCode: "150201001002", succeeded: true, caseId: 4, at: Self.at(11, 3))
        mediations.addMediation(areaCode: "150201001003", succeeded: false, caseId: 5, at: Self.at(11, 4))
        mediations.addMediation(areaCode: "150201001003", succeeded: true, caseId: 6, at: Self.at(12, 1))
        XCTAssertEqual(mediations.values, [Self.township: [.mediationSucceeded: .rate(1, of: 2)]])
    }

    func testPeriodsAndTownships() throws {
        let q4 = try XCTUnwrap(AssessmentPeriod(key: "2026-Q4"))
        XCTAssertEqual(q4.label, "2026年第4季度")
        XCTAssertTrue(q4.contains(Self.at(12, 31, 23)))
        XCTAssertFalse(q4.contains(Self.at(10, 1, 0).addingTimeInterval(-1)))
        XCTAssertEqual(q4.previous?.key, "2026-Q3")
        XCTAssertEqual(AssessmentPeriod(key: "2026-01")?.previous?.key, "2025-12")
        for bad in ["2026-13", "2026-Q5", "2026-Q0", "26-11", "2026-1", "2026/11", "", "2026-Qx", "1999-05"] {
            XCTAssertNil(AssessmentPeriod(key: bad), bad)
        }
        XCTAssertEqual(AssessedUnit.township(of: "150201001002015")?.code, "150201001000")
        XCTAssertNil(AssessedUnit.township(of: "150201000000"), "a county-level case belongs to no township")
        XCTAssertNil(AssessedUnit.township(of: "1502"))
    }
}
