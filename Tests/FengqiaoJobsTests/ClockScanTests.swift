import FengqiaoDomain
@testable import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

final class ClockScanTests: XCTestCase {
    func testTheRunnerQueuesOneScanPerMinuteAcrossInstancesAndRunsIt() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let first = JobRunner(platform: platform, workerName: "a")
            let second = JobRunner(platform: platform, workerName: "b")
            let key = try await first.scheduleMinuteWork(after: nil)
            XCTAssertEqual(key, ClockScan.dedupeKey(for: clock.now()))
            _ = try await second.scheduleMinuteWork(after: nil)
            let again = try await first.scheduleMinuteWork(after: key)
            XCTAssertEqual(again, key)
            var queued = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(queued, ["queued": 1], "\(db.kind): two instances queue one scan a minute")
            let ran = try await first.runDueJobs()
            XCTAssertEqual(ran, 1)
            clock.advance(minutes: 1)
            _ = try await second.scheduleMinuteWork(after: key)
            queued = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(queued, ["done": 1, "queued": 1], "the next minute queues the next scan")
        }
    }
}
