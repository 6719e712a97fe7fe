import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The dashboard's rollups on SQLite and PostgreSQL: after a seeded random run of real commands and clock
/// scans, the counters kept write by write equal those rebuilt from the case rows, period by period and all
/// at once.
final class CaseRollupTests: XCTestCase {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    func testKeptRollupsEqualTheRebuildAfterRandomCommands() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            let leader = try CaseLadderTests.caller(7, .leader, SampleAreas.county)
            let handler = try CaseLadderTests.caller(5, .departmentHandler, SampleAreas.township, department: d.lead)
            var random = Seeded(state: 20_261_124)
            var numbers: [String] = []
            func run(_ n: String, _ name: CaseCommand.Name, _ caller: Caller, _ edit: (inout CaseCommandBody) -> Void = { _ in })
                async
            {
                var body = CaseCommandBody()
                edit(&body)
                _ = try? await d.engine.perform(CaseCommandRequest(name: name, body: body), caseNumber: n, caller: caller)
            }
            let satisfactions = ["satisfied", "basicallySatisfied", "unsatisfied"]
            for step in 0..<60 {
                clock.advance(minutes: Double(Int.random(in: 5...600, using: &random)))
                if numbers.isEmpty || Int.random(in: 0..<3, using: &random) == 0 {
                    numbers.append(try await d.open())
                    continue
                }
                let n = numbers[Int.random(in: 0..<numbers.count, using: &random)]
                switch Int.random(in: 0..<9, using: &random) {
                case 0: await run(n, .accept, d.desk) { $0.tier = step % 4 == 0 ? "township" : "village" }
                case 1: await run(n, .dispatch, d.desk) { $0.lead = d.lead }
                case 2: await run(n, .signFor, handler)
                case 3: await run(n, .feedback, handler) { $0.result = "已处理完毕" }
                case 4: await run(n, .verify, d.desk) { $0.pass = true }
                case 5: await run(n, .close, d.desk) { $0.reply = "已办结"; $0.channel = "phone" }
                case 6:
                    let s = satisfactions[Int.random(in: 0..<3, using: &random)]
                    await run(n, .revisit, d.desk) { $0.satisfaction = s; $0.channel = "phone" }
                case 7:
                    await run(n, .supervise, leader) {
                        $0.kind = "listed"; $0.note = "挂牌督办"; $0.responseDue = clock.now().addingTimeInterval(86_400 * 3)
                    }
                default:
                    clock.advance(minutes: 60 * 24 * 3)
                    try await CaseClockScan(platform: d.platform).run()
                }
            }
            // Drive a few cases all the way, so every measure has something to count.
            let fresh = [try await d.open(), try await d.open()]
            numbers += fresh
            for n in Array(numbers.prefix(3)) + fresh {
                for name in [CaseCommand.Name.accept, .dispatch, .signFor, .feedback, .verify, .close, .revisit] {
                    clock.advance(minutes: 30)
                    switch name {
                    case .accept: await run(n, .accept, d.desk)
                    case .dispatch: await run(n, .dispatch, d.desk) { $0.lead = d.lead }
                    case .signFor: await run(n, .signFor, handler)
                    case .feedback: await run(n, .feedback, handler) { $0.result = "已处理完毕" }
                    case .verify: await run(n, .verify, d.desk) { $0.pass = true }
                    case .close: await run(n, .close, d.desk) { $0.reply = "已办结"; $0.channel = "phone" }
                    default: await run(n, .revisit, d.desk) { $0.satisfaction = "satisfied"; $0.channel = "phone" }
                    }
                }
            }
            await run(numbers[numbers.count - 1], .supervise, leader) {
                $0.kind = "listed"; $0.note = "挂牌督办"; $0.responseDue = clock.now().addingTimeInterval(86_400 * 3)
            }
            clock.advance(minutes: 60 * 24 * 10)
            try await CaseClockScan(platform: d.platform).run()

            let kept = try await db.read { try await CaseRollupRepository($0).all() }
            let measures = Set(kept.keys.map(\.measure))
            for measure in ["total", "closed", "rated", "satisfied", "resolved", "overdue", "supervised", "closedOnTime"] {
                XCTAssertTrue(measures.contains(measure), "the run reaches \(measure)")
            }
            XCTAssertTrue(kept.keys.contains { $0.scope.hasPrefix("dept:") }, "lead departments are counted")
            XCTAssertTrue(kept.keys.contains { $0.scope == "grid:" + SampleAreas.grid }, "grids are counted")

            // Rebuilding each period leaves every counter as it was kept.
            let periods = Set(kept.keys.map(\.period))
            try await db.write { sql in
                for period in periods.sorted() { try await CaseRollupRepository(sql).rebuild(period: period) }
            }
            let rebuiltByPeriod = try await db.read { try await CaseRollupRepository($0).all() }
            XCTAssertEqual(rebuiltByPeriod, kept)
            try await db.write { try await CaseRollupRepository($0).rebuildAll() }
            let rebuilt = try await db.read { try await CaseRollupRepository($0).all() }
            XCTAssertEqual(rebuilt, kept)

            // A counter that drifted is repaired by its period's rebuild.
            let someKey = try XCTUnwrap(kept.keys.sorted().first { $0.measure == "total" && $0.period.count == 10 })
            try await db.write { sql in
                try await sql.update("case_rollups").set("count", to: 999).where("period", .equal, someKey.period)
                    .where("scope", .equal, someKey.scope).where("measure", .equal, someKey.measure).run()
                try await CaseRollupRepository(sql).rebuild(period: someKey.period)
            }
            let repaired = try await db.read { try await CaseRollupRepository($0).all() }
            XCTAssertEqual(repaired, kept)
        }
    }

    func testConcurrentCommandsKeepTheRollupsExact() async throws {
        try await TestDatabases.each { db in
            let clock = ManualClock()
            let d = try await CaseClockTests.desk(db, clock: clock)
            var numbers: [String] = []
            for _ in 0..<12 { numbers.append(try await d.open()) }
            let (engine, desk, lead) = (d.engine, d.desk, d.lead)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in numbers {
                    group.addTask {
                        _ = try await engine.perform(CaseCommandRequest(name: .accept, body: CaseCommandBody()), caseNumber: n,
                                                     caller: desk)
                        var body = CaseCommandBody()
                        body.lead = lead
                        _ = try await engine.perform(CaseCommandRequest(name: .dispatch, body: body), caseNumber: n, caller: desk)
                    }
                }
                try await group.waitForAll()
            }
            let kept = try await db.read { try await CaseRollupRepository($0).all() }
            let month = String(ChinaTime.dayString(clock.now()).prefix(7))
            XCTAssertEqual(kept[CaseRollupKey(period: month, scope: "area:1502", measure: "state:dispatched")], 12)
            XCTAssertNil(kept[CaseRollupKey(period: month, scope: "area:1502", measure: "state:reported")])
            try await db.write { try await CaseRollupRepository($0).rebuildAll() }
            let rebuilt = try await db.read { try await CaseRollupRepository($0).all() }
            XCTAssertEqual(rebuilt, kept)
        }
    }

    func testTheKeysOfOneCase() {
        let facts = CaseRollupFacts(
            reportedDay: "2026-11-24", areaCode: "150207001001", gridCode: "150207001001002003", leadDepartmentId: 9,
            state: "closed", channel: "phone", kind: "dispute", satisfaction: "basicallySatisfied", resolvedTier: "village",
            clockStatus: "none", clockLate: false, supervision: "reminder")
        XCTAssertEqual(CaseRollupKeys.scopes(facts), [
            "area:1502", "area:150207", "area:150207001", "area:150207001001", "grid:150207001001002",
            "grid:150207001001002003", "dept:9",
        ])
        XCTAssertEqual(Set(CaseRollupKeys.measures(facts)), [
            "total", "state:closed", "channel:phone", "kind:dispute", "closed", "closedOnTime", "rated", "satisfied",
            "resolved", "resolvedVillage",
        ])
        var late = facts
        late.clockLate = true
        late.satisfaction = "unsatisfied"
        late.resolvedTier = "township"
        late.supervision = "order"
        late.clockStatus = "overdue"
        late.areaCode = "150207001000"
        XCTAssertEqual(CaseRollupKeys.scopes(late).prefix(3), ["area:1502", "area:150207", "area:150207001"])
        XCTAssertEqual(Set(CaseRollupKeys.measures(late)), [
            "total", "state:closed", "channel:phone", "kind:dispute", "closed", "rated", "resolved", "overdue", "supervised",
        ])
        XCTAssertEqual(CaseRollupKeys.keys(facts).count, 2 * 7 * 10)
        XCTAssertEqual(CaseRollupKeys.delta(before: [facts], after: [facts]), [:])
        XCTAssertEqual(CaseRollupKeys.delta(before: [], after: [facts]).count, 140)
    }
}
