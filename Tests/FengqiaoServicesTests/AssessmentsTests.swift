import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Scoring a period from the tiny demo's case histories: reproducible (AssessmentDrillDownTests traces it to its
/// cases), adjusted by hand only
/// through the adjustment source, scored by the template frozen when the period ended, and read inside the viewer's
/// jurisdiction only.
final class AssessmentsTests: XCTestCase {
    static func caller(_ role: Role, _ root: String, department: Int64? = nil) throws -> Caller {
        let code = try XCTUnwrap(AreaCode(root))
        return Caller(staff: Staff(accountID: 1, username: "u", displayName: "测试员", role: role,
                                   jurisdiction: Jurisdiction(root: code), departmentID: department), ip: "10.0.0.1")
    }

    /// Awards, deductions and appeals as a unit test sets them.
    struct FixedAdjustments: AssessmentAdjustmentSource {
        var manual: [AssessedUnit: [ManualAdjustment]] = [:]
        var excluded: [AssessmentExclusion] = []
        func approvedAdjustments(periodKeys: [String], unitKind: AssessedUnitKind) async throws -> [AssessedUnit: [ManualAdjustment]] {
            periodKeys.contains("2026-10") ? manual.filter { $0.key.kind == unitKind } : [:]
        }
        func exclusions(periodKeys: [String], unitKind: AssessedUnitKind) async throws -> [AssessmentExclusion] {
            periodKeys.contains("2026-10") ? excluded.filter { $0.unit.kind == unitKind } : []
        }
    }

    static let county = "150207000000"

    func testAPeriodScoresFromItsCasesAndRecomputesTheSame() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let assessments = Assessments(platform: platform)
            let assessor = try Self.caller(.assessor, Self.county)
            for kind in ["township", "department"] {
                let first = try await assessments.compute(periodKey: "2026-10", kind: kind, caller: assessor)
                XCTAssertFalse(first.standings.isEmpty, kind)
                let measured = first.standings.flatMap(\.score.indicators).filter { ($0.value.denominator ?? 0) > 0 }
                XCTAssertFalse(measured.isEmpty, "\(kind): some rate has cases behind it")
                for (county, units) in Dictionary(grouping: first.standings, by: \.countyCode) {
                    XCTAssertEqual(units.map(\.rank).min(), 1, county)
                    XCTAssertTrue(units.allSatisfy { $0.ranked == units.count }, county)
                }
                XCTAssertTrue(first.standings.allSatisfy { $0.rankChange != nil }, "\(kind): September was scored first")
                let again = try await assessments.compute(periodKey: "2026-10", kind: kind, caller: assessor)
                XCTAssertEqual(again.standings, first.standings, "\(kind): recomputing a closed period changes nothing")
            }
            // The previous month was scored too, which is what the movement compares with.
            let september = try await assessments.ranking(periodKey: "2026-09", kind: "township", caller: assessor)
            XCTAssertFalse(september.standings.isEmpty)
        }
    }

    /// Two scorings of one period that overlap: the one whose inputs were read later is the one kept, whichever
    /// stores last.
    func testAnEarlierScoringDoesNotReplaceALaterOne() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let assessor = try Self.caller(.assessor, Self.county)
            let later = try TestPlatform.make(database: db, clock: FixedClock(TestPlatform.referenceDate.addingTimeInterval(60)))
            let earlier = try TestPlatform.make(database: db)
            let plain = try await Assessments(platform: later).compute(periodKey: "2026-10", kind: "township", caller: assessor)
            let unit = try XCTUnwrap(plain.standings.first?.unit)
            let awarded = FixedAdjustments(manual: [unit: [ManualAdjustment(kind: .award, points: 2, reason: "亮点")]])
            let stale = try await Assessments(platform: earlier, adjustments: awarded)
                .compute(periodKey: "2026-10", kind: "township", caller: assessor)
            XCTAssertEqual(stale.standings, plain.standings, "the stored scores are still the later run's")
            XCTAssertEqual(stale.computedAt, TestPlatform.referenceDate.addingTimeInterval(60))
            let fresh = try await Assessments(platform: later, adjustments: awarded)
                .compute(periodKey: "2026-10", kind: "township", caller: assessor)
            XCTAssertEqual(fresh.standings.first { $0.unit == unit }?.score.awarded, 2, "a run as late replaces it")
        }
    }

    func testAwardsDeductionsAndUpheldAppealsChangeTheScore() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let assessor = try Self.caller(.assessor, Self.county)
            let plain = try await Assessments(platform: platform).compute(periodKey: "2026-10", kind: "township", caller: assessor)
            // The township with the most counted cases in 按时办结率.
            let target = try XCTUnwrap(plain.standings.max { a, b in
                (a.score.indicators.first { $0.rule.indicator == .closedOnTime }?.value.denominator ?? 0)
                    < (b.score.indicators.first { $0.rule.indicator == .closedOnTime }?.value.denominator ?? 0)
            })
            let drill = try await Assessments(platform: platform).drillDown(
                periodKey: "2026-10", unit: "township:\(target.unit.code)", indicator: "closed_on_time", caller: assessor)
            let excludedCase = try XCTUnwrap(drill.cases.first?.caseId)
            let source = FixedAdjustments(
                manual: [target.unit: [ManualAdjustment(kind: .award, points: 4, reason: "亮点"),
                                       ManualAdjustment(kind: .award, points: 3, reason: "又一亮点"),
                                       ManualAdjustment(kind: .deduction, points: 2, reason: "通报批评")]],
                excluded: [AssessmentExclusion(unit: target.unit, indicator: AssessmentIndicator.closedOnTime.key, caseId: excludedCase),
                           AssessmentExclusion(unit: target.unit, indicator: AssessmentIndicator.overdue.key)])
            let adjusted = try await Assessments(platform: platform, adjustments: source)
                .compute(periodKey: "2026-10", kind: "township", caller: assessor)
            let after = try XCTUnwrap(adjusted.standings.first { $0.unit == target.unit })
            XCTAssertEqual(after.score.awarded, 5, "awards are capped by the template (5)")
            XCTAssertEqual(after.score.deducted, 2)
            let before = try XCTUnwrap(target.score.indicators.first { $0.rule.indicator == .closedOnTime }?.value)
            let now = try XCTUnwrap(after.score.indicators.first { $0.rule.indicator == .closedOnTime }?.value)
            XCTAssertEqual(now.denominator, (before.denominator ?? 0) - 1, "the appealed case left the indicator")
            let overdue = try XCTUnwrap(after.score.indicators.first { $0.rule.indicator == .overdue })
            XCTAssertTrue(overdue.waived)
            XCTAssertEqual(overdue.points, overdue.rule.weight)
            let reopened = try await Assessments(platform: platform, adjustments: source).drillDown(
                periodKey: "2026-10", unit: "township:\(target.unit.code)", indicator: "closed_on_time", caller: assessor)
            XCTAssertEqual(reopened.excludedCases, [excludedCase])
            XCTAssertFalse(reopened.cases.contains { $0.caseId == excludedCase })
            XCTAssertEqual(reopened.recounted, now)
            // Other townships are untouched.
            for other in adjusted.standings where other.unit != target.unit {
                XCTAssertEqual(other.score, plain.standings.first { $0.unit == other.unit }?.score)
            }
        }
    }

    /// The township ranking carries each township's latest satisfaction survey (the demo's round of September and
    /// October); the bulletin lists the period's awards before its deductions.
    func testRankingsShowSurveysAndBulletinsTheManualPoints() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let assessor = try Self.caller(.assessor, Self.county)
            let plain = try await Assessments(platform: platform).compute(periodKey: "2026-10", kind: "township", caller: assessor)
            let unit = try XCTUnwrap(plain.standings.first?.unit)
            let source = FixedAdjustments(manual: [unit: [ManualAdjustment(kind: .deduction, points: 1, reason: "通报批评(九政法通3号):迟报"),
                                                          ManualAdjustment(kind: .award, points: 2, reason: "调解室建设")]])
            let assessments = Assessments(platform: platform, adjustments: source)
            let ranking = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: assessor)
            XCTAssertFalse(ranking.surveys.isEmpty, "the demo's survey round covers the county's townships")
            for (township, survey) in ranking.surveys {
                XCTAssertTrue(ranking.standings.contains { $0.unit == township })
                XCTAssertGreaterThan(survey.figures.answered, 0)
                XCTAssertNotNil(survey.figures.safety)
            }
            let august = try await assessments.compute(periodKey: "2026-08", kind: "township", caller: assessor)
            XCTAssertFalse(august.standings.isEmpty)
            XCTAssertTrue(august.surveys.isEmpty, "no round had begun before August ended")
            let departments = try await assessments.compute(periodKey: "2026-10", kind: "department", caller: assessor)
            XCTAssertTrue(departments.surveys.isEmpty)

            let bulletin = try await assessments.bulletin(periodKey: "2026-10", kind: .month, caller: assessor)
            XCTAssertEqual(bulletin.highlights.map(\.adjustment.reason), ["调解室建设", "通报批评(九政法通3号):迟报"])
            XCTAssertEqual(Set(bulletin.highlights.map(\.unit)), [unit])
            let other = try Self.caller(.leader, try XCTUnwrap(plain.standings.last?.unit.code))
            let theirs = try await assessments.bulletin(periodKey: "2026-10", kind: .month, caller: other)
            XCTAssertTrue(theirs.highlights.isEmpty, "another township's leader does not read this township's points")
        }
    }

    func testAnEndedPeriodKeepsTheTemplateItWasScoredBy() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let assessments = Assessments(platform: platform)
            let assessor = try Self.caller(.assessor, Self.county)
            let october = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: assessor)
            var changed = AssessmentTemplate.standard(.township, .month)
            changed.rules = [IndicatorRule(.closureRate, weight: 100, target: 0.99, floor: 0.98)]
            changed.name = "只考办结率"
            try await assessments.saveTemplate(changed, caller: assessor)
            let again = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: assessor)
            XCTAssertEqual(again.standings, october.standings)
            XCTAssertEqual(again.template?.name, AssessmentTemplate.standard(.township, .month).name)
            // November is still running: it takes the saved template.
            let november = try await assessments.compute(periodKey: "2026-11", kind: "township", caller: assessor)
            XCTAssertEqual(november.template?.name, "只考办结率")
            XCTAssertEqual(november.standings.first?.score.indicators.map(\.rule.indicator), [.closureRate])
            let stored = try await assessments.template(kind: "township", periodKind: "month", caller: assessor)
            XCTAssertEqual(stored, changed)
            let audit = try await DemoRows.query(db, "SELECT action FROM audit_log WHERE action LIKE 'assessment.%' ORDER BY id")
            XCTAssertEqual(audit.compactMap { $0["action"] },
                           ["assessment.compute", "assessment.template", "assessment.compute", "assessment.compute"])
        }
    }

    func testScoresAreReadInsideTheJurisdictionOnly() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let assessments = Assessments(platform: platform)
            let assessor = try Self.caller(.assessor, Self.county)
            let all = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: assessor)
            let departments = try await assessments.compute(periodKey: "2026-10", kind: "department", caller: assessor)
            XCTAssertGreaterThan(all.standings.count, 1)
            let mine = try XCTUnwrap(all.standings.first), other = try XCTUnwrap(all.standings.last)

            let townshipLeader = try Self.caller(.leader, mine.unit.code)
            let seen = try await assessments.ranking(periodKey: "2026-10", kind: "township", caller: townshipLeader)
            XCTAssertEqual(seen.standings.map(\.unit), [mine.unit])
            XCTAssertFalse(seen.mayCompute)
            await XCTAssertThrowsDomainError(code: "not_found") {
                _ = try await assessments.standing(periodKey: "2026-10", unit: "township:\(other.unit.code)", caller: townshipLeader)
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                _ = try await assessments.drillDown(periodKey: "2026-10", unit: "township:\(other.unit.code)",
                                                    indicator: "closure_rate", caller: townshipLeader)
            }
            let department = try XCTUnwrap(departments.standings.first?.unit)
            let handler = try Self.caller(.departmentHandler, Self.county, department: Int64(department.code))
            let own = try await assessments.ranking(periodKey: "2026-10", kind: "department", caller: handler)
            XCTAssertEqual(own.standings.map(\.unit), [department])
            let townships = try await assessments.ranking(periodKey: "2026-10", kind: "township", caller: handler)
            XCTAssertTrue(townships.standings.isEmpty, "department staff see their department alone")

            await XCTAssertThrowsDomainError(code: "forbidden") {
                _ = try await assessments.ranking(periodKey: "2026-10", kind: "township", caller: try Self.caller(.intakeOperator, Self.county))
            }
            await XCTAssertThrowsDomainError(code: "forbidden") {
                _ = try await assessments.compute(periodKey: "2026-10", kind: "township", caller: townshipLeader)
            }
            for (period, kind, field) in [("2026-13", "township", "period"), ("2026-Q5", "township", "period"),
                                          ("2027-01", "township", "period"), ("2026-10", "village", "kind")] {
                await XCTAssertThrowsDomainErrorFields([field]) {
                    _ = try await assessments.compute(periodKey: period, kind: kind, caller: assessor)
                }
            }
            for unit in ["township", "township:", "township:12a", "county:150207000000", ":1"] {
                await XCTAssertThrowsDomainError(code: "not_found") {
                    _ = try await assessments.standing(periodKey: "2026-10", unit: unit, caller: assessor)
                }
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                _ = try await assessments.drillDown(periodKey: "2026-10", unit: "township:\(mine.unit.code)",
                                                    indicator: "patrol_coverage", caller: assessor)
            }
        }
    }

    func testGridWorkersAreScoredOnPatrolDaysAndVisits() async throws {
        try await TestDatabases.each { db in
            try await DemoFixture.load(into: db, scale: .tiny)
            let platform = try TestPlatform.make(database: db)
            let assessor = try Self.caller(.assessor, Self.county)
            let workers = try await DemoRows.query(db, "SELECT id, area_code FROM accounts WHERE role = 'gridWorker' AND status = 'active' ORDER BY id LIMIT 2")
            let id = try XCTUnwrap(workers.first?["id"]), grid = try XCTUnwrap(workers.first?["area_code"])
            let idle = try XCTUnwrap(workers.last?["id"])
            XCTAssertNotEqual(id, idle)
            // The demo's own field work of these two is taken away: one gets the field work below, the other none.
            try await db.write { sql in
                for account in [id, idle] {
                    try await sql.raw("DELETE FROM patrol_points WHERE patrol_id IN (SELECT id FROM patrols WHERE account_id = \(bind: Int64(account) ?? 0))").run()
                    try await sql.raw("DELETE FROM patrols WHERE account_id = \(bind: Int64(account) ?? 0)").run()
                    try await sql.raw("DELETE FROM visits WHERE account_id = \(bind: Int64(account) ?? 0)").run()
                }
            }
            // Patrols on three working days (two on Friday the 9th) and on a Saturday; five visits, one in November.
            let days = ["2026-10-09T01:00:00Z", "2026-10-09T06:00:00Z", "2026-10-12T01:00:00Z", "2026-10-13T01:00:00Z",
                        "2026-10-17T01:00:00Z"]
            try await db.write { sql in
                for (i, day) in days.enumerated() {
                    let at = Int64((ISO8601DateFormatter().date(from: day) ?? .distantPast).timeIntervalSince1970 * 1000)
                    try await sql.raw("""
                        INSERT INTO patrols (account_id, client_ref, grid_code, started_at, ended_at, point_count, created_at) \
                        VALUES (\(bind: Int64(id) ?? 0), \(bind: "ref-\(i)"), \(bind: grid), \(bind: at), \(bind: at + 3_600_000), 0, \(bind: at))
                        """).run()
                }
                for (i, day) in ["2026-10-09", "2026-10-09", "2026-10-20", "2026-10-31", "2026-11-01"].enumerated() {
                    try await sql.raw("""
                        INSERT INTO visits (account_id, grid_code, subject_kind, subject, visited_on, notes, created_at) \
                        VALUES (\(bind: Int64(id) ?? 0), \(bind: grid), 'household', \(bind: "户\(i)"), \(bind: day), '走访', 0)
                        """).run()
                }
            }
            let ranking = try await Assessments(platform: platform).compute(periodKey: "2026-10", kind: "grid_worker", caller: assessor)
            let standing = try XCTUnwrap(ranking.standings.first { $0.unit.code == id })
            let values = Dictionary(standing.score.indicators.map { ($0.rule.indicator, $0.value) }, uniquingKeysWith: { a, _ in a })
            let workingDays = try await platform.businessCalendar().workingDayCount(
                from: try XCTUnwrap(CivilDate("2026-10-01")), through: try XCTUnwrap(CivilDate("2026-10-31")))
            XCTAssertEqual(values[.patrolCoverage], .rate(3, of: workingDays))
            XCTAssertEqual(values[.householdVisits], .count(4))
            let drill = try await Assessments(platform: platform).drillDown(
                periodKey: "2026-10", unit: "grid_worker:\(id)", indicator: "household_visits", caller: assessor)
            XCTAssertEqual(drill.fieldDays.map(\.day), ["2026-10-09", "2026-10-12", "2026-10-13", "2026-10-17", "2026-10-20", "2026-10-31"])
            XCTAssertEqual(drill.fieldDays.first?.patrols, 2)
            XCTAssertEqual(drill.fieldDays.first?.visits, 2)
            // A worker with no field work is ranked on zeros.
            let none = try XCTUnwrap(ranking.standings.first { $0.unit.code == idle })
            XCTAssertTrue(none.score.indicators.allSatisfy { $0.value.numerator == 0 })
        }
    }
}
