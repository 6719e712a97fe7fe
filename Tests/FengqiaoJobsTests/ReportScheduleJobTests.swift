import FengqiaoDomain
import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The nightly report job through the job queue: the day's run stores yesterday's 日报 for every area with a 综治中心,
/// with the figures of that day's cases; queued twice (or run again), it stores nothing more.
final class ReportScheduleJobTests: XCTestCase {
    func testTheNightlyJobStoresYesterdaysDailyReportOnce() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let desk = Caller(staff: Staff(accountID: 1, username: "d", displayName: "d", role: .dispatcher,
                                           jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.township)))), ip: "t")
            for channel in ["phone", "phone", "walkIn"] {
                _ = try await CaseEngine(platform: platform).open(
                    CaseOpening(channel: channel, kind: "dispute", category: "邻里纠纷", description: "楼上噪音扰民",
                                gridCode: SampleAreas.grid), caller: desk)
            }
            let filed = ChinaTime.dayString(clock.now())
            try await db.write { sql in
                try await CenterRepository(sql).save(CenterRecord(
                    areaCode: SampleAreas.township, name: "镇综治中心", level: "township", address: "镇政府", hotline: "12345",
                    createdAt: 0))
            }
            clock.advance(minutes: 24 * 60)
            let today = ChinaTime.dayString(clock.now())
            let runner = JobRunner(platform: platform, workerName: "test")
            for key in ["a", "b"] {
                let (payload, _) = ReportScheduleJob.job(for: today)
                try await db.write { try await JobRepository($0, kind: db.kind).enqueue(
                    kind: ReportScheduleJob.kind, payload: payload, dedupeKey: ReportScheduleJob.kind + key,
                    runAt: clock.now(), now: clock.now()) }
                let ran = try await runner.runDueJobs()
                XCTAssertEqual(ran, 1)
            }
            let rows = try await db.read { sql in
                try await sql.select().columns("number", "kind", "period_from", "area_code").from("reports")
                    .where("kind", .equal, "daily").all()
            }
            XCTAssertEqual(rows.count, 1, "\(db.kind): one 日报 however often the job runs")
            XCTAssertEqual(try rows.first?.decode(column: "period_from", as: String.self), filed)
            let number = try XCTUnwrap(try rows.first?.decode(column: "number", as: String.self))
            let leader = Caller(staff: Staff(accountID: 2, username: "l", displayName: "l", role: .leader,
                                             jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(SampleAreas.county)))), ip: "t")
            let report = try await Reports(platform: platform).view(number, caller: leader)
            XCTAssertEqual(report.snapshot.cases.total, 3)
            XCTAssertEqual(report.snapshot.channels.first { $0.code == "phone" }?.count, 2)
            XCTAssertEqual(report.snapshot.topCategories.first?.name, "邻里纠纷")
            XCTAssertEqual(report.createdBy, Reports.scheduler)
            XCTAssertTrue(report.scheduled)
            // A 专报 on 邻里纠纷 by its code counts the cases that carry the category by name; another category none.
            let special = try await Reports(platform: platform).generate(
                ReportRequest(kind: "special", area: SampleAreas.township, from: filed, to: filed, category: "dispute.neighbour"),
                caller: leader)
            XCTAssertEqual(special.snapshot.cases.total, 3)
            XCTAssertEqual(special.snapshot.categoryName, "邻里纠纷")
            XCTAssertEqual(special.snapshot.areas.map(\.figures.total).reduce(0, +), 3)
            let none = try await Reports(platform: platform).generate(
                ReportRequest(kind: "special", area: SampleAreas.township, from: filed, to: filed, category: "livelihood.heating"),
                caller: leader)
            XCTAssertEqual(none.snapshot.cases.total, 0)
            XCTAssertEqual(none.snapshot.topCategories, [])
        }
    }
}
