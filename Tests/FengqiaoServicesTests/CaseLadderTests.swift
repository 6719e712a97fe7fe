import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import SQLKit
import XCTest

/// The mediation ladder on SQLite and PostgreSQL: the engine projects the tier each case was resolved
/// at (equal to replaying its events, cleared on reopen), and the share at or below each tier is
/// counted by day, area and the caller's scope, with every rejection.
final class CaseLadderTests: XCTestCase {
    static let outsideVillage = "150207002001"

    static func caller(_ id: Int64, _ role: Role, _ area: String, department: Int64? = nil) throws -> Caller {
        try CaseWorklistsTests.caller(id, role, area, department: department)
    }

    func testTheProjectedTierEqualsTheReplayAndTheLadderCountsIt() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            let police = try await CenterAdministration(platform: platform).addDepartment(
                areaCode: SampleAreas.township, code: "police", name: "派出所", stationing: .resident,
                caller: try Self.caller(9, .leader, SampleAreas.county))
            let engine = CaseEngine(platform: platform)
            let desk = try Self.caller(1, .dispatcher, SampleAreas.township)
            let countyDesk = try Self.caller(2, .dispatcher, SampleAreas.county)
            let gridWorker = try Self.caller(3, .gridWorker, SampleAreas.grid)
            let gridLeader = try Self.caller(4, .gridLeader, SampleAreas.village)
            let handler = try Self.caller(5, .departmentHandler, SampleAreas.township, department: police)

            func open() async throws -> String {
                clock.advance(minutes: 1)
                return try await engine.open(CaseOpening(channel: "phone", kind: "dispute", description: "邻里纠纷需要调解",
                                                         gridCode: SampleAreas.grid), caller: desk).number
            }
            func run(_ n: String, _ name: CaseCommand.Name, _ caller: Caller, _ edit: (inout CaseCommandBody) -> Void = { _ in })
                async throws
            {
                clock.advance(minutes: 10)
                var body = CaseCommandBody()
                edit(&body)
                _ = try await engine.perform(CaseCommandRequest(name: name, body: body), caseNumber: n, caller: caller)
            }
            func onSite(_ n: String, by caller: Caller) async throws {
                try await run(n, .resolveOnSite, caller) { $0.result = "双方和解"; $0.evidence = ["photo-1"] }
            }
            func dispatched(_ n: String, by dispatcher: Caller) async throws {
                try await run(n, .dispatch, dispatcher) { $0.lead = police }
                try await run(n, .signFor, handler)
                try await run(n, .feedback, handler) { $0.result = "已处理" }
            }
            func verifyAndClose(_ n: String, by caller: Caller = desk) async throws {
                try await run(n, .verify, caller) { $0.pass = true }
                try await run(n, .close, caller) { $0.reply = "已办结"; $0.channel = "phone" }
            }
            let firstDay = ChinaTime.dayString(clock.now())

            // Resolved on site at the grid.
            let grid = try await open()
            try await run(grid, .accept, desk)
            try await onSite(grid, by: gridWorker)
            try await verifyAndClose(grid)
            // Accepted at the village and settled there by the grid leader.
            let village = try await open()
            try await run(village, .accept, desk) { $0.tier = "village" }
            try await onSite(village, by: gridLeader)
            try await verifyAndClose(village)
            // Escalated twice, then dispatched by the township: resolved at the township.
            let township = try await open()
            try await run(township, .accept, desk)
            try await run(township, .escalate, gridLeader) { $0.reason = "网格调解未果" }
            try await run(township, .escalate, desk) { $0.reason = "村社调解未果" }
            try await dispatched(township, by: desk)
            try await verifyAndClose(township)
            // Accepted at the county and worked by the county centre.
            let county = try await open()
            try await run(county, .accept, desk) { $0.tier = "county" }
            try await dispatched(county, by: countyDesk)
            try await verifyAndClose(county, by: countyDesk)
            // Closed, then reopened by 不满意: no longer resolved.
            let reopened = try await open()
            try await run(reopened, .accept, desk)
            try await onSite(reopened, by: gridWorker)
            try await verifyAndClose(reopened)
            let closedOnce = try await Self.row(reopened, in: db)
            XCTAssertEqual(closedOnce.tier, "grid")
            try await run(reopened, .revisit, desk) { $0.satisfaction = "unsatisfied"; $0.channel = "phone" }
            let afterReopen = try await Self.row(reopened, in: db)
            XCTAssertNil(afterReopen.tier, "a reopened case is no longer resolved")
            XCTAssertNil(afterReopen.at)
            // Open, and rejected: never resolved.
            let open_ = try await open()
            try await run(open_, .accept, desk)
            let rejected = try await open()
            try await run(rejected, .reject, desk) { $0.reason = "不属于受理范围"; $0.channel = "phone" }
            // An archived case keeps its resolution.
            let archived = try await open()
            try await run(archived, .accept, desk)
            try await onSite(archived, by: gridWorker)
            try await verifyAndClose(archived)
            try await run(archived, .revisit, desk) { $0.satisfaction = "satisfied"; $0.channel = "phone" }

            // Two days later the reopened case is closed again, by then at the village.
            clock.advance(minutes: 2 * 24 * 60)
            let thirdDay = ChinaTime.dayString(clock.now())
            try await run(reopened, .escalate, gridLeader) { $0.reason = "反映人仍不满意" }
            try await run(reopened, .feedback, gridLeader) { $0.result = "再次调解,达成协议" }
            try await verifyAndClose(reopened)

            // The projection equals what replaying each history gives.
            let all = [grid, village, township, county, reopened, open_, rejected, archived]
            for n in all {
                let replayed = try await db.read { sql -> LadderResolution? in
                    let repository = CaseRepository(sql)
                    let id = try await repository.find(number: n)?.id ?? -1
                    return CaseSnapshot.replay(try CaseEventCodec.events(try await repository.events(caseId: id)))?.resolution
                }
                let stored = try await Self.row(n, in: db)
                XCTAssertEqual(stored.tier, replayed?.tier.rawValue, n)
                XCTAssertEqual(stored.at, replayed?.at.millisecondsSince1970, n)
            }
            let tiers = try await all.asyncMap { try await Self.row($0, in: db).tier ?? "∅" }
            XCTAssertEqual(tiers, ["grid", "village", "township", "county", "village", "∅", "∅", "grid"])

            let ladder = CaseLadder(platform: platform)
            let whole = try await ladder.report(from: firstDay, to: thirdDay, areaCode: nil, caller: desk)
            XCTAssertEqual(whole.resolved, 6)
            XCTAssertEqual(whole.areaCode, SampleAreas.township)
            XCTAssertEqual(whole.tiers.map(\.tier), ["grid", "village", "township", "county", "city"])
            XCTAssertEqual(whole.tiers.map(\.resolved), [2, 2, 1, 1, 0])
            XCTAssertEqual(whole.tiers.map(\.resolvedAtOrBelow), [2, 4, 5, 6, 6])
            XCTAssertEqual(whole.tiers.map(\.shareAtOrBelow), [0.3333, 0.6667, 0.8333, 1, 1])
            XCTAssertEqual(whole.target.share, 0.95)
            XCTAssertEqual(whole.target.actual, 0.6667)
            XCTAssertEqual(whole.target.met, false)
            XCTAssertEqual(whole.from, firstDay)
            XCTAssertEqual(whole.to, thirdDay)

            // Days: the first day holds all but the second closing of the reopened case.
            let first = try await ladder.report(from: firstDay, to: firstDay, areaCode: nil, caller: desk)
            XCTAssertEqual(first.tiers.map(\.resolved), [2, 1, 1, 1, 0])
            let third = try await ladder.report(from: thirdDay, to: thirdDay, areaCode: " ", caller: desk)
            XCTAssertEqual(third.tiers.map(\.resolved), [0, 1, 0, 0, 0])
            XCTAssertEqual(third.target.met, true, "1 of 1 at the village")
            let before = try await ladder.report(from: "2020-01-01", to: "2020-12-31", areaCode: nil, caller: desk)
            XCTAssertEqual(before.resolved, 0)
            XCTAssertNil(before.target.met, "nothing resolved, nothing to measure")
            XCTAssertNil(before.target.actual)
            XCTAssertEqual(before.tiers.compactMap(\.shareAtOrBelow), [])

            // Scope: an area, a grid worker's grid, a department's own cases, and cases outside.
            try await CaseWorklistsTests.insert("OUT-1", state: "closed", area: Self.outsideVillage, grid: nil,
                                                updatedAt: clock.now().millisecondsSince1970, in: db)
            try await CaseWorklistsTests.set(
                "OUT-1", "resolved_tier = 'grid', resolved_at = \(clock.now().millisecondsSince1970)", in: db)
            let inVillage = try await ladder.report(from: firstDay, to: thirdDay, areaCode: SampleAreas.village, caller: desk)
            XCTAssertEqual(inVillage.resolved, 6)
            XCTAssertEqual(inVillage.areaCode, SampleAreas.village)
            let byGridWorker = try await ladder.report(from: firstDay, to: thirdDay, areaCode: nil, caller: gridWorker)
            XCTAssertEqual(byGridWorker.resolved, 6)
            let byDepartment = try await ladder.report(from: firstDay, to: thirdDay, areaCode: nil, caller: handler)
            XCTAssertEqual(byDepartment.tiers.map(\.resolved), [0, 0, 1, 1, 0], "only the cases the department worked")
            let byCounty = try await ladder.report(from: firstDay, to: thirdDay, areaCode: nil, caller: countyDesk)
            XCTAssertEqual(byCounty.tiers.map(\.resolved), [3, 2, 1, 1, 0], "the county sees the outside village too")
            let outside = try await ladder.report(
                from: firstDay, to: thirdDay, areaCode: Self.outsideVillage, caller: countyDesk)
            XCTAssertEqual(outside.resolved, 1)
            do {
                _ = try await ladder.report(from: firstDay, to: thirdDay, areaCode: Self.outsideVillage, caller: desk)
                XCTFail("an area outside the jurisdiction is not found")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, DomainError.notFound(what: "区域").code)
            }
        }
    }

    func testRejections() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db, clock: ManualClock())
            let ladder = CaseLadder(platform: platform)
            let desk = try Self.caller(1, .dispatcher, SampleAreas.township)
            func fields(_ from: String?, _ to: String?, area: String? = nil) async -> [String] {
                do {
                    _ = try await ladder.report(from: from, to: to, areaCode: area, caller: desk)
                    return ["no error"]
                } catch DomainError.validation(let errors) {
                    return errors.map { "\($0.field):\($0.code)" }
                } catch {
                    return ["\(error)"]
                }
            }
            let missing = await fields(nil, "")
            XCTAssertEqual(missing, ["from:required", "to:required"])
            let malformed = await fields("2026-13-01", "2026-02-30")
            XCTAssertEqual(malformed, ["from:invalid_format", "to:invalid_format"], "no 13th month, no 30 February")
            let loose = await fields("2026-3-1", "20260301")
            XCTAssertEqual(loose, ["from:invalid_format", "to:invalid_format"])
            let backwards = await fields("2026-03-02", "2026-03-01")
            XCTAssertEqual(backwards, ["to:out_of_range"])
            let badArea = await fields("2026-03-01", "2026-03-02", area: "15020x")
            XCTAssertEqual(badArea, ["area:invalid_format"])
            let everything = await fields("x", nil, area: "x")
            XCTAssertEqual(everything, ["from:invalid_format", "to:required", "area:invalid_format"])
            for role in [Role.auditor, .systemAdmin, .securityAdmin] {
                do {
                    _ = try await ladder.report(from: "2026-01-01", to: "2026-01-31", areaCode: nil,
                                                caller: try Self.caller(7, role, SampleAreas.township))
                    XCTFail("\(role) does not see cases")
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, "forbidden")
                }
            }
        }
    }

    static func row(_ number: String, in db: any Database) async throws -> (tier: String?, at: Int64?) {
        try await db.read { sql in
            let row = try await sql.select().column("resolved_tier").column("resolved_at").from("cases")
                .where("number", .equal, number).first()
            return (try row?.decode(column: "resolved_tier", as: String?.self),
                    try row?.decode(column: "resolved_at", as: Int64?.self))
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
