import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The nightly scoring through the job queue: the runner queues it once a day with the counter rebuild, and the run
/// scores the last ended month and quarter (and, for the ranking's movement, the periods before them) of every kind
/// of unit; run again, it leaves the scored periods as they are.
final class AssessmentScoringJobTests: XCTestCase {
    func testTheNightlyJobScoresTheEndedMonthAndQuarterOnce() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            XCTAssertTrue(JobRunner.standardHandlers.contains { $0.kind == AssessmentScoringJob.kind })
            let runner = JobRunner(platform: platform, workerName: "test")
            _ = try await runner.scheduleNightlyWork(after: nil)
            let queued = try await db.read { sql in
                try await sql.select().column("dedupe_key").from("jobs").where("kind", .equal, AssessmentScoringJob.kind).all()
            }
            XCTAssertEqual(queued.count, 1, "\(db.kind): queued with the night's work")
            _ = try await runner.runDueJobs()
            func runs() async throws -> [String] {
                try await db.read { sql in
                    try await sql.select().columns("period_key", "unit_kind", "computed_at").from("assessment_runs")
                        .orderBy("period_key").orderBy("unit_kind").all()
                        .map { "\(try $0.decode(column: "period_key", as: String.self))/\(try $0.decode(column: "unit_kind", as: String.self))@\(try $0.decode(column: "computed_at", as: Int64.self))" }
                }
            }
            let first = try await runs()
            let periods = Set(first.map { String($0.prefix { $0 != "/" }) })
            XCTAssertEqual(periods, ["2026-09", "2026-10", "2026-Q2", "2026-Q3"], "\(db.kind): \(first)")
            XCTAssertEqual(first.count, 12, "\(db.kind): every kind of unit")
            clock.advance(minutes: 60)
            let (payload, _) = AssessmentScoringJob.job(for: "again")
            _ = try await db.write { try await JobRepository($0, kind: db.kind).enqueue(
                kind: AssessmentScoringJob.kind, payload: payload, dedupeKey: "again", runAt: clock.now(), now: clock.now()) }
            _ = try await runner.runDueJobs()
            let second = try await runs()
            XCTAssertEqual(second, first, "\(db.kind): scored periods are left as they are")
        }
    }
}
