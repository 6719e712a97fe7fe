import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

final class CaseRepositoryTests: XCTestCase {
    static func record(_ number: String, tracking: String, key: String? = nil, state: String = "reported", day: String = "2026-11-23") -> CaseRecord {
        CaseRecord(
            number: number, trackingCode: tracking, idempotencyKey: key, kind: "dispute", category: "邻里纠纷", channel: "web",
            state: state, urgency: "normal", areaCode: "150207001001", description: "楼上漏水到楼下", reportedDay: day,
            reportedAt: 1_795_399_200_000, updatedAt: 1_795_399_200_000
        )
    }

    func testSequencesCountPerCountyAndYear() async throws {
        try await TestDatabases.each { db in
            let numbers = try await db.write { sql in
                let repo = CaseRepository(sql)
                return [
                    try await repo.nextSequence(countyPrefix: "150207", year: 2026),
                    try await repo.nextSequence(countyPrefix: "150207", year: 2026),
                    try await repo.nextSequence(countyPrefix: "150202", year: 2026),
                    try await repo.nextSequence(countyPrefix: "150207", year: 2027),
                    try await repo.nextSequence(countyPrefix: "150207", year: 2026),
                ]
            }
            XCTAssertEqual(numbers, [1, 2, 1, 1, 3], "\(db.kind)")
            try await db.write { try await CaseRepository($0).raiseSequences(["150207": 100, "150202": 0], year: 2026) }
            let next = try await db.write { sql in
                [try await CaseRepository(sql).nextSequence(countyPrefix: "150207", year: 2026),
                 try await CaseRepository(sql).nextSequence(countyPrefix: "150202", year: 2026)]
            }
            XCTAssertEqual(next, [101, 2], "\(db.kind): raising never lowers")
        }
    }

    func testInsertWritesTheCaseItsEventsAndItsCounter() async throws {
        try await TestDatabases.each { db in
            let id = try await db.write { sql in
                try await CaseRepository(sql).insert(Self.record("150207-2026-000001", tracking: "AAAABBBBCCCC"), events: [
                    CaseEventRecord(caseId: 0, type: "report", fromState: nil, toState: "reported", actor: "channel:web", at: 1),
                ])
            }
            let (found, events, totals) = try await db.read { sql in
                let repo = CaseRepository(sql)
                return (try await repo.find(number: "150207-2026-000001"), try await repo.events(caseId: id), try await repo.totalsByState())
            }
            XCTAssertEqual(found?.id, id)
            XCTAssertEqual(found?.description, "楼上漏水到楼下", "\(db.kind): Chinese text round-trips")
            XCTAssertEqual(events.map(\.type), ["report"])
            XCTAssertEqual(events.first?.caseId, id)
            XCTAssertEqual(totals, ["reported": 1])
        }
    }

    func testAFailedTransactionLeavesNothing() async throws {
        try await TestDatabases.each { db in
            do {
                try await db.write { sql in
                    _ = try await CaseRepository(sql).insert(Self.record("150207-2026-000001", tracking: "AAAABBBBCCCC"), events: [])
                    // Same tracking code: the unique constraint fails the second insert.
                    _ = try await CaseRepository(sql).insert(Self.record("150207-2026-000002", tracking: "AAAABBBBCCCC"), events: [])
                }
                XCTFail("expected a unique violation")
            } catch {}
            let (count, totals) = try await db.read { (try await CaseRepository($0).count(), try await CaseRepository($0).totalsByState()) }
            XCTAssertEqual(count, 0, "\(db.kind)")
            XCTAssertEqual(totals, [:], "\(db.kind): counters rolled back too")
        }
    }

    func testRebuildingCountersRepairsDrift() async throws {
        try await TestDatabases.each { db in
            try await db.write { sql in
                let repo = CaseRepository(sql)
                _ = try await repo.insert(Self.record("150207-2026-000001", tracking: "AAAABBBBCCC2"), events: [])
                _ = try await repo.insert(Self.record("150207-2026-000002", tracking: "AAAABBBBCCC3", state: "closed"), events: [])
                _ = try await repo.insert(Self.record("150207-2026-000003", tracking: "AAAABBBBCCC4", day: "2026-11-22"), events: [])
                try await repo.addToDailyCount(day: "2026-11-23", areaCode: "150207001001", kind: "dispute", channel: "web", state: "reported", delta: 5)
            }
            let drifted = try await db.read { try await CaseRepository($0).totalsByState() }
            XCTAssertEqual(drifted, ["reported": 7, "closed": 1])
            let rows = try await db.write { try await CaseRepository($0).rebuildDailyCounts(day: "2026-11-23") }
            XCTAssertEqual(rows, 2)
            let repaired = try await db.read { try await CaseRepository($0).totalsByState() }
            XCTAssertEqual(repaired, ["reported": 2, "closed": 1], "\(db.kind)")
        }
    }
}
