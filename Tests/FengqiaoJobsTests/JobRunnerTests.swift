import FengqiaoDomain
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

    /// The risk jobs: the monitor picks up cases opened after it started, the nightly sweep those from before.
    func testRiskJobsRaiseWarnings() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let runner = JobRunner(platform: platform, workerName: "test")
            func enqueue(_ kind: String, _ payload: String = "{}", key: String) async throws {
                try await db.write { try await JobRepository($0, kind: db.kind).enqueue(
                    kind: kind, payload: payload, dedupeKey: key, runAt: clock.now(), now: clock.now()) }
            }
            func run() async throws -> Int { try await runner.runDueJobs() }
            func warnings() async throws -> [String] {
                try await db.read { try await $0.select().column("rule").from("risk_warnings").orderBy("id").all(decodingColumn: "rule", as: String.self) }
            }
            let desk = Caller(staff: Staff(accountID: 1, username: "d", displayName: "d", role: .dispatcher,
                                           jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.township)))), ip: "t")
            func open(_ text: String) async throws {
                clock.advance(minutes: 1)
                _ = try await CaseEngine(platform: platform).open(
                    CaseOpening(channel: "phone", kind: "dispute", category: "邻里纠纷", description: text, gridCode: SampleAreas.grid),
                    caller: desk)
            }
            try await open("业主们扬言要拉横幅")  // before the monitor's first run: left to the sweep
            try await enqueue(RiskMonitorJob.kind, key: "m1")
            var ran = try await run()
            XCTAssertEqual(ran, 1)
            let none = try await warnings()
            XCTAssertEqual(none, [], "\(db.kind)")
            try await open("楼上噪音扰民严重")
            try await open("楼上噪音又响到半夜")
            try await open("楼上噪音影响孩子学习")
            try await enqueue(RiskMonitorJob.kind, key: "m2")
            ran = try await run()
            XCTAssertEqual(ran, 1)
            let grid = try await warnings()
            XCTAssertEqual(grid, ["hotspot"], "three of a category at one grid within a week")
            let (payload, key) = RiskSweepJob.job(for: "2026-03-01")
            try await enqueue(RiskSweepJob.kind, payload, key: key)
            ran = try await run()
            XCTAssertEqual(ran, 1)
            let all = try await warnings()
            XCTAssertEqual(all, ["hotspot", "keyword"])
            let joined = try await db.read { try await $0.select().column("case_count").from("risk_warnings")
                .where("rule", .equal, "hotspot").all(decodingColumn: "case_count", as: Int.self) }
            XCTAssertEqual(joined, [4], "the sweep adds the case from before the monitor to the open warning")
            let states = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(states, ["done": 3])
        }
    }
}
