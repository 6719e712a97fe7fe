import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

final class JobRepositoryTests: XCTestCase {
    static let t0 = Date(timeIntervalSince1970: 1_795_399_200)

    func testDedupeKeyQueuesOnce() async throws {
        try await TestDatabases.each { db in
            let queued = try await db.write { sql in
                let jobs = JobRepository(sql, kind: db.kind)
                return [
                    try await jobs.enqueue(kind: "k", dedupeKey: "k:1", runAt: Self.t0, now: Self.t0),
                    try await jobs.enqueue(kind: "k", dedupeKey: "k:1", runAt: Self.t0, now: Self.t0),
                    try await jobs.enqueue(kind: "k", runAt: Self.t0, now: Self.t0),
                    try await jobs.enqueue(kind: "k", runAt: Self.t0, now: Self.t0),
                ]
            }
            XCTAssertEqual(queued, [true, false, true, true], "\(db.kind): keyless jobs are never deduplicated")
        }
    }

    func testClaimsTakeOnlyDueJobsAndExpiredLeasesComeBack() async throws {
        try await TestDatabases.each { db in
            try await db.write { sql in
                let jobs = JobRepository(sql, kind: db.kind)
                try await jobs.enqueue(kind: "now", runAt: Self.t0, now: Self.t0)
                try await jobs.enqueue(kind: "later", runAt: Self.t0.addingTimeInterval(3600), now: Self.t0)
            }
            let first = try await db.write { try await JobRepository($0, kind: db.kind).claim(worker: "a", limit: 10, lease: 60, now: Self.t0) }
            XCTAssertEqual(first.map(\.kind), ["now"], "\(db.kind)")
            XCTAssertEqual(first.first?.attempts, 1)
            let none = try await db.write { try await JobRepository($0, kind: db.kind).claim(worker: "b", limit: 10, lease: 60, now: Self.t0.addingTimeInterval(30)) }
            XCTAssertEqual(none, [], "\(db.kind): a leased job is not claimed twice")
            let again = try await db.write { try await JobRepository($0, kind: db.kind).claim(worker: "b", limit: 10, lease: 60, now: Self.t0.addingTimeInterval(61)) }
            XCTAssertEqual(again.map(\.kind), ["now"], "\(db.kind): an expired lease is claimed again")
            XCTAssertEqual(again.first?.attempts, 2)
            // The first worker lost its lease: its completion must not count.
            try await db.write { try await JobRepository($0, kind: db.kind).complete(id: first[0].id, worker: "a", now: Self.t0) }
            let states = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(states, ["running": 1, "queued": 1])
        }
    }

    func testOnlyOldFinishedJobsAreDeleted() async throws {
        try await TestDatabases.each { db in
            let week: TimeInterval = 7 * 86_400
            for kind in ["old-done", "new-done", "old-failed", "queued"] {
                try await db.write { try await JobRepository($0, kind: db.kind).enqueue(kind: kind, runAt: Self.t0, now: Self.t0) }
            }
            let claimed = try await db.write { try await JobRepository($0, kind: db.kind).claim(worker: "a", limit: 3, lease: 60, now: Self.t0) }
            for job in claimed {
                try await db.write { sql in
                    let jobs = JobRepository(sql, kind: db.kind)
                    switch job.kind {
                    case "old-done": try await jobs.complete(id: job.id, worker: "a", now: Self.t0)
                    case "new-done": try await jobs.complete(id: job.id, worker: "a", now: Self.t0.addingTimeInterval(week))
                    default: try await jobs.fail(id: job.id, worker: "a", error: "boom", retryAt: nil, now: Self.t0)
                    }
                }
            }
            try await db.write {
                try await JobRepository($0, kind: db.kind).deleteDone(finishedBefore: Self.t0.addingTimeInterval(week - 1))
            }
            let states = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(states, ["done": 1, "failed": 1, "queued": 1], "\(db.kind): only the old finished job goes")
        }
    }

    func testFailuresRetryThenGiveUp() async throws {
        try await TestDatabases.each { db in
            try await db.write { try await JobRepository($0, kind: db.kind).enqueue(kind: "k", runAt: Self.t0, now: Self.t0) }
            let job = try await db.write { try await JobRepository($0, kind: db.kind).claim(worker: "a", limit: 1, lease: 60, now: Self.t0) }[0]
            try await db.write { try await JobRepository($0, kind: db.kind).fail(id: job.id, worker: "a", error: "boom", retryAt: Self.t0.addingTimeInterval(10), now: Self.t0) }
            let early = try await db.write { try await JobRepository($0, kind: db.kind).claim(worker: "a", limit: 1, lease: 60, now: Self.t0.addingTimeInterval(5)) }
            XCTAssertEqual(early, [], "\(db.kind): not before its retry time")
            let retry = try await db.write { try await JobRepository($0, kind: db.kind).claim(worker: "a", limit: 1, lease: 60, now: Self.t0.addingTimeInterval(11)) }
            XCTAssertEqual(retry.first?.id, job.id)
            try await db.write { try await JobRepository($0, kind: db.kind).fail(id: job.id, worker: "a", error: "boom", retryAt: nil, now: Self.t0) }
            let states = try await db.read { try await JobRepository($0, kind: db.kind).countsByState() }
            XCTAssertEqual(states, ["failed": 1], "\(db.kind)")
        }
    }

    /// Many workers claiming at once on PostgreSQL: `FOR UPDATE SKIP LOCKED` gives each job to exactly one.
    func testConcurrentClaimsNeverOverlapOnPostgres() async throws {
        guard TestDatabases.postgresURL != nil else { throw XCTSkip("FENGQIAO_TEST_POSTGRES_URL not set") }
        try await TestDatabases.withPostgres { db in
            let t0 = Self.t0
            try await db.write { sql in
                for _ in 0..<60 { try await JobRepository(sql, kind: .postgres).enqueue(kind: "k", runAt: t0, now: t0) }
            }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let batch = try await db.write { try await JobRepository($0, kind: .postgres).claim(worker: "w\(worker)", limit: 3, lease: 600, now: t0) }
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                var all: [[Int64]] = []
                for try await ids in group { all.append(ids) }
                return all
            }
            let flat = claimed.flatMap { $0 }
            XCTAssertEqual(flat.count, 60)
            XCTAssertEqual(Set(flat).count, 60, "no job claimed twice")
        }
    }
}
