import FengqiaoDomain
import Foundation
import XCTest

/// The statutory clocks of a petition, in working days on the official 2025/2026 calendars: the receiving
/// day is not counted, holidays are skipped, make-up working days (调休上班) count, and a limit ends at
/// 17:30 of its last working day. Expected dates were counted by hand from the State Council notices.
final class PetitionClocksTests: XCTestCase {
    typealias F = CalendarFixtures
    let calendar = BusinessCalendar.official

    private func clock(_ kind: PetitionClockKind, _ timeline: PetitionTimeline, at now: String) throws -> PetitionClock {
        try XCTUnwrap(timeline.clocks(at: F.beijing(now), calendar: calendar).first { $0.kind == kind })
    }

    /// Received Friday 2026-09-18: Sunday 09-20 is worked (1), 09-21…24 (2–5), 中秋 09-25…27 off, 09-28…30
    /// (6–8), 国庆 10-01…07 off, 10-08, 10-09 (9, 10), Saturday 10-10 worked (11), 10-12…15 (12–15).
    func testAcceptanceAcrossMidAutumnAndNationalDayWithMakeUpDays() throws {
        let timeline = PetitionTimeline(receivedAt: F.beijing("2026-09-18 16:00"))
        let acceptance = try clock(.acceptance, timeline, at: "2026-09-21 09:00")
        XCTAssertEqual(acceptance.clock.limit, .workingDays(15))
        XCTAssertEqual(acceptance.deadline, F.beijing("2026-10-15 17:30"))
        XCTAssertEqual(acceptance.statusCode, "running")
        XCTAssertEqual(try clock(.acceptance, timeline, at: "2026-10-15 17:00").statusCode, "warning")
        XCTAssertEqual(try clock(.acceptance, timeline, at: "2026-10-15 17:31").statusCode, "overdue")
        XCTAssertTrue(timeline.isOverdue(at: F.beijing("2026-10-16 09:00"), calendar: calendar))
        XCTAssertFalse(timeline.isOverdue(at: F.beijing("2026-10-15 17:29"), calendar: calendar))

        var decided = timeline
        decided.decision = .decline
        decided.decidedAt = F.beijing("2026-10-15 17:00")
        XCTAssertEqual(try clock(.acceptance, decided, at: "2026-11-01 09:00").statusCode, "met")
        XCTAssertEqual(decided.clocks(at: F.beijing("2026-11-01 09:00"), calendar: calendar).count, 1,
                       "a petition not accepted has no handling clock")
        decided.decidedAt = F.beijing("2026-10-16 08:40")
        XCTAssertEqual(try clock(.acceptance, decided, at: "2026-11-01 09:00").statusCode, "missed")
        XCTAssertFalse(decided.isOverdue(at: F.beijing("2026-11-01 09:00"), calendar: calendar))
    }

    /// Received Friday 2026-02-13: Saturday 02-14 is worked (1), 春节 02-15…23 off, 02-24…27 (2–5), Saturday
    /// 02-28 worked (6), then 03-02…06 (7–11), 03-09…12 (12–15).
    func testAcceptanceAcrossTheSpringFestival2026() throws {
        let acceptance = try clock(.acceptance, PetitionTimeline(receivedAt: F.beijing("2026-02-13 10:00")),
                                   at: "2026-02-14 09:00")
        XCTAssertEqual(acceptance.deadline, F.beijing("2026-03-12 17:30"))
    }

    /// Received Friday 2025-01-24: Sunday 01-26 worked (1), 01-27 (2), 春节 01-28…02-04 off, 02-05…07 (3–5),
    /// Saturday 02-08 worked (6), 02-10…14 (7–11), 02-17…20 (12–15).
    func testAcceptanceAcrossTheSpringFestival2025() throws {
        let acceptance = try clock(.acceptance, PetitionTimeline(receivedAt: F.beijing("2025-01-24 11:00")),
                                   at: "2025-01-24 12:00")
        XCTAssertEqual(acceptance.deadline, F.beijing("2025-02-20 17:30"))
    }

    /// Accepted Friday 2026-07-10: the 60th working day, across 中秋 and 国庆 (09-20 worked), is 10-09; the
    /// extension of 30 (10-10 worked) runs to Thursday 11-19.
    func testHandlingSixtyWorkingDaysAndTheExtension() throws {
        var timeline = PetitionTimeline(receivedAt: F.beijing("2026-07-01 09:00"), decision: .accept,
                                        decidedAt: F.beijing("2026-07-10 10:00"))
        let handling = try clock(.handling, timeline, at: "2026-07-13 09:00")
        XCTAssertEqual(handling.clock.limit, .workingDays(60))
        XCTAssertEqual(handling.deadline, F.beijing("2026-10-09 17:30"))
        XCTAssertEqual(try clock(.acceptance, timeline, at: "2026-07-13 09:00").statusCode, "met")
        XCTAssertEqual(try clock(.handling, timeline, at: "2026-10-12 09:00").statusCode, "overdue")
        timeline.extensionDays = 30
        let extended = try clock(.handling, timeline, at: "2026-10-12 09:00")
        XCTAssertEqual(extended.clock.effectiveLimit, .workingDays(90))
        XCTAssertEqual(extended.deadline, F.beijing("2026-11-19 17:30"))
        XCTAssertEqual(extended.statusCode, "running")
        timeline.repliedAt = F.beijing("2026-11-19 17:00")
        XCTAssertEqual(try clock(.handling, timeline, at: "2026-12-01 09:00").statusCode, "met")
    }

    /// Replied Thursday 2026-09-24: a review may be requested until the 30th working day, 11-12; asked on
    /// 09-29, the opinion is due 11-16; given then, a re-review may be asked until 12-28 and, asked on 11-17,
    /// is due 12-29.
    func testReviewAndReReviewWindowsAndClocks() throws {
        var timeline = PetitionTimeline(receivedAt: F.beijing("2026-07-01 09:00"), decision: .accept,
                                        decidedAt: F.beijing("2026-07-10 10:00"), repliedAt: F.beijing("2026-09-24 10:00"))
        XCTAssertEqual(timeline.reviewWindowEnds(calendar: calendar), F.beijing("2026-11-12 17:30"))
        XCTAssertNil(timeline.reReviewWindowEnds(calendar: calendar))
        timeline.reviewRequestedAt = F.beijing("2026-09-29 15:00")
        let review = try clock(.review, timeline, at: "2026-10-09 09:00")
        XCTAssertEqual(review.deadline, F.beijing("2026-11-16 17:30"))
        XCTAssertEqual(review.clock.limit, .workingDays(30))
        timeline.reviewDecidedAt = F.beijing("2026-11-16 10:00")
        XCTAssertEqual(try clock(.review, timeline, at: "2026-11-20 09:00").statusCode, "met")
        XCTAssertEqual(timeline.reReviewWindowEnds(calendar: calendar), F.beijing("2026-12-28 17:30"))
        timeline.reReviewRequestedAt = F.beijing("2026-11-17 09:00")
        XCTAssertEqual(try clock(.reReview, timeline, at: "2026-11-18 09:00").deadline, F.beijing("2026-12-29 17:30"))
        XCTAssertEqual(timeline.clocks(at: F.beijing("2026-11-18 09:00"), calendar: calendar).map(\.kind),
                       [.acceptance, .handling, .review, .reReview])
    }

    /// The limits are the engine's 信访 preset, so the engine's acceptance clock and the petition's agree.
    func testLimitsComeFromTheEnginePreset() {
        let preset = SLAPreset.for(category: .petition, urgency: .normal)
        XCTAssertEqual(PetitionLimits.acceptance, preset.limit(for: .acceptance))
        XCTAssertEqual(PetitionLimits.handling, preset.limit(for: .handling))
        XCTAssertEqual(PetitionLimits.maximumExtension, preset.maximumExtension)
        let start = F.beijing("2026-09-18 16:00")
        let engine = StageClock(kind: .acceptance, limit: PetitionLimits.acceptance, startedAt: start)
        XCTAssertEqual(engine.deadline(at: start, calendar: calendar), F.beijing("2026-10-15 17:30"))
    }
}
