import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

final class JobRunnerTests: XCTestCase {
    struct Exploding: JobHandler {
        let kind = "explode"
        func run(payload: String, platform: Platform) async throws { throw JobError.badPayload(payload) }
    }

    func testRebuildJobsRepairCountersAndAreMarkedDone() async throws {
        try await TestDatabases.each { db in
            let platform = try TestPlatform.make(database: db)
            try await db.write { sql in
                let repo = CaseRepository(sql)
                try await repo.addToDailyCount(day: "2026-11-20", areaCode: "150207001001", kind: "dispute", channel: "web", state: "reported", delta: 3)
                let (payload, key) = DailyCountRebuild.job(for: "2026-11-20")
                try await JobRepository(sql, kind: db.kind).enqueue(kind: DailyCountRebuild.kind, payload: payload, dedupeKey: key,
                                                                    runAt: TestPlatform.referenceDate, now: TestPlatform.referenceDate)
            }
            let runner = JobRunner(platform: platform, workerName: "test")
            let ran = try await runner.runDueJobs()
            XCTAssertEqual(ran, 1)
            let (totals, states) = try await db.read { (try await CaseRepository($0).totalsByState(), try await JobRepository($0, kind: db.kind).countsByState()) }
            XCTAssertEqual(totals, [:], "\(db.kind): the stray counter is gone (there are no cases that day)")
            XCTAssertEqual(states, ["done": 1])
        }
    }

    func testFailingJobsAreRetriedLaterThenFail() async throws {
        try await TestDatabases.withSQLite { db in
            let start = TestPlatform.referenceDate
            try await db.write { try await JobRepository($0, kind: .sqlite).enqueue(kind: "explode", runAt: start, now: start) }
            var runner = JobRunner(platform: try TestPlatform.make(database: db, clock: FixedClock(start)), workerName: "t", handlers: [Exploding()])
            runner.maxAttempts = 2
            let firstRun = try await runner.runDueJobs()
            let tooSoon = try await runner.runDueJobs()
            XCTAssertEqual([firstRun, tooSoon], [1, 0], "backed off after the first failure")
            var later = JobRunner(platform: try TestPlatform.make(database: db, clock: FixedClock(start.addingTimeInterval(3600))), workerName: "t", handlers: [Exploding()])
            later.maxAttempts = 2
            let secondRun = try await later.runDueJobs()
            XCTAssertEqual(secondRun, 1)
            let states = try await db.read { try await JobRepository($0, kind: .sqlite).countsByState() }
            XCTAssertEqual(states, ["failed": 1])
        }
    }

    func testJobsWithoutAHandlerFailAndBadPayloadsToo() async throws {
        try await TestDatabases.withSQLite { db in
            let now = TestPlatform.referenceDate
            try await db.write { sql in
                let jobs = JobRepository(sql, kind: .sqlite)
                try await jobs.enqueue(kind: "unknown.kind", runAt: now, now: now)
                try await jobs.enqueue(kind: DailyCountRebuild.kind, payload: "{\"day\":\"yesterday\"}", runAt: now, now: now)
            }
            var runner = JobRunner(platform: try TestPlatform.make(database: db), workerName: "t")
            runner.maxAttempts = 1
            let ran = try await runner.runDueJobs()
            XCTAssertEqual(ran, 2)
            let errors = try await db.read { try await $0.select().column("last_error").from("jobs").orderBy("id").all(decodingColumn: "last_error", as: String.self) }
            XCTAssertEqual(errors.count, 2)
            XCTAssertTrue(errors[0].contains("noHandler"), errors[0])
            XCTAssertTrue(errors[1].contains("badPayload"), errors[1])
        }
    }
}
