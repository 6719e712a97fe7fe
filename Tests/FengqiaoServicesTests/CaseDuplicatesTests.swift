import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import Foundation
import XCTest

/// Duplicate suggestions (查重) on SQLite and PostgreSQL: planted near-duplicates are found; unrelated text,
/// other grids without the same address, old, finished and out-of-sight cases are not.
final class CaseDuplicatesTests: XCTestCase {
    static let grid2 = "150207001001002"
    static let townshipB = "150207002000"
    static let villageB = "150207002001"
    static let gridB = "150207002001001"

    struct World {
        let platform: Platform
        let clock: ManualClock
        let engine: CaseEngine
        let duplicates: CaseDuplicates

        func caller(_ role: Role, _ area: String, department: Int64? = nil) throws -> Caller {
            Caller(staff: Staff(accountID: 7, username: "u", displayName: "受理员", role: role,
                                jurisdiction: Jurisdiction(root: try XCTUnwrap(AreaCode(area))), departmentID: department),
                   ip: "test")
        }

        @discardableResult
        func open(_ description: String, grid: String = SampleAreas.grid, address: String? = nil,
                  category: String = "消防通道堵塞") async throws -> String {
            try await engine.open(CaseOpening(channel: "walkIn", kind: "safetyHazard", category: category,
                                              description: description, address: address, gridCode: grid),
                                  caller: try caller(.dispatcher, SampleAreas.county)).number
        }

        func draft(grid: String = SampleAreas.grid, address: String? = "阳光花园 3号楼") -> CaseOpening {
            CaseOpening(channel: "phone", kind: "safetyHazard", category: "消防通道堵塞",
                        description: "阳光花园3号楼楼道里堆放杂物,堵塞消防通道", address: address, gridCode: grid)
        }
    }

    func withWorld(_ body: (World) async throws -> Void) async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            try await db.write { db in
                try await AreaRepository(db).insert([
                    AreaRecord(code: Self.grid2, parentCode: SampleAreas.village, level: "grid", gridKind: "ordinary",
                               name: "康乐社区第2网格", boundary: SampleAreas.rectangle(40.61, 109.80, 40.62, 109.81),
                               minLat: 40.61, minLon: 109.80, maxLat: 40.62, maxLon: 109.81, createdAt: 0),
                    AreaRecord(code: Self.townshipB, parentCode: SampleAreas.county, level: "township", name: "麻池镇", createdAt: 0),
                    AreaRecord(code: Self.villageB, parentCode: Self.townshipB, level: "village", name: "麻池村",
                               boundary: SampleAreas.rectangle(40.62, 109.80, 40.64, 109.82),
                               minLat: 40.62, minLon: 109.80, maxLat: 40.64, maxLon: 109.82, createdAt: 0),
                    AreaRecord(code: Self.gridB, parentCode: Self.villageB, level: "grid", gridKind: "ordinary", name: "麻池村第1网格",
                               boundary: SampleAreas.rectangle(40.62, 109.80, 40.63, 109.81),
                               minLat: 40.62, minLon: 109.80, maxLat: 40.63, maxLon: 109.81, createdAt: 0),
                ])
            }
            let clock = ManualClock()
            let platform = try TestPlatform.make(database: db, clock: clock)
            try await body(World(platform: platform, clock: clock, engine: CaseEngine(platform: platform),
                                 duplicates: CaseDuplicates(platform: platform)))
        }
    }

    func testPlantedNearDuplicatesAreFoundAndNothingElse() async throws {
        try await withWorld { w in
            let old = try await w.open("阳光花园3号楼楼道堆放杂物,堵塞消防通道", address: "阳光花园3号楼")
            w.clock.advance(minutes: 31 * 24 * 60)
            let sameAddressAndGrid = try await w.open("阳光花园3号楼楼道堆放大量杂物,堵塞消防通道", address: "阳光花园3号楼")
            let sameGrid = try await w.open("3号楼楼道杂物堆放,堵塞消防通道,存在安全隐患")
            let sameAddressOtherGrid = try await w.open("阳光花园3号楼楼道里堆放杂物堵塞消防通道", grid: Self.grid2,
                                                        address: "阳光花园3号楼")
            try await w.open("3号楼楼道堆放杂物,堵塞消防通道", grid: Self.grid2)  // other grid, no address
            try await w.open("小区东门路灯损坏,夜间没有照明", address: "阳光花园3号楼", category: "道路塌陷")  // unrelated
            try await w.open("阳光花园3号楼楼道堆放杂物,堵塞消防通道", grid: Self.gridB, address: "阳光花园3号楼")  // other village
            let rejected = try await w.open("阳光花园3号楼楼道堆放杂物,堵塞消防通道", address: "阳光花园3号楼")
            var body = CaseCommandBody()
            body.reason = "重复上报"
            body.channel = "phone"
            _ = try await w.engine.perform(CaseCommandRequest(name: .reject, body: body), caseNumber: rejected,
                                           caller: try w.caller(.dispatcher, SampleAreas.county))
            w.clock.advance(minutes: 60)

            let desk = try w.caller(.intakeOperator, SampleAreas.township)
            let found = try await w.duplicates.suggestions(for: w.draft(), caller: desk)
            XCTAssertEqual(Set(found.map(\.number)), [sameAddressAndGrid, sameGrid, sameAddressOtherGrid])
            XCTAssertEqual(found.first?.number, sameAddressAndGrid, "the same address and grid ranks first")
            XCTAssertEqual(found.map(\.score), found.map(\.score).sorted(by: >))
            let best = try XCTUnwrap(found.first)
            XCTAssertEqual(Array(best.reasons.dropFirst()), ["地址相同", "同一网格", "事项分类相同"])
            XCTAssertTrue(best.reasons[0].hasPrefix("描述相似度"), best.reasons[0])
            XCTAssertEqual(best.stateName, "已上报")
            XCTAssertEqual(found.first { $0.number == sameGrid }?.reasons.contains("地址相同"), false)
            XCTAssertEqual(found.first { $0.number == sameAddressOtherGrid }?.reasons.contains("同一网格"), false)

            // A longer window reaches the old case; a grid worker sees only their grid.
            let longer = try await w.duplicates.suggestions(for: w.draft(), days: 60, caller: desk)
            XCTAssertTrue(longer.map(\.number).contains(old))
            XCTAssertEqual(longer.count, 4)
            let gridWorker = try w.caller(.gridWorker, SampleAreas.grid)
            let mine = try await w.duplicates.suggestions(for: w.draft(), caller: gridWorker)
            XCTAssertEqual(Set(mine.map(\.number)), [sameAddressAndGrid, sameGrid])

            // Without an address, only the grid matches; on grid 2 without an address, only grid-2 cases.
            let noAddress = try await w.duplicates.suggestions(for: w.draft(address: nil), caller: desk)
            XCTAssertEqual(Set(noAddress.map(\.number)), [sameAddressAndGrid, sameGrid])
        }
    }

    func testACaseFindsItsDuplicatesButNotItself() async throws {
        try await withWorld { w in
            let first = try await w.open("阳光花园3号楼楼道堆放大量杂物,堵塞消防通道", address: "阳光花园3号楼")
            w.clock.advance(minutes: 10 * 24 * 60)
            let unrelated = try await w.open("小区东门路灯损坏,夜间没有照明", address: "阳光花园3号楼")
            let desk = try w.caller(.dispatcher, SampleAreas.township)
            // Registering a near-duplicate answers the suggestions at once.
            let second = try await w.engine.open(w.draft(), caller: desk)
            XCTAssertEqual(second.duplicates?.map(\.number), [first])
            XCTAssertEqual(second.duplicates?.first?.reasons.contains("地址相同"), true)
            // The earlier case sees the later one (the window runs both ways from its report), never itself.
            let fromFirst = try await w.duplicates.suggestions(forCase: first, caller: desk)
            XCTAssertEqual(fromFirst.map(\.number), [second.number])
            let fromUnrelated = try await w.duplicates.suggestions(forCase: unrelated, caller: desk)
            XCTAssertEqual(fromUnrelated, [])
            // Ten days apart: outside a window of five.
            let narrow = try await w.duplicates.suggestions(forCase: first, days: 5, caller: desk)
            XCTAssertEqual(narrow, [])
            // A withdrawn duplicate drops out.
            var body = CaseCommandBody()
            body.reason = "群众撤回"
            _ = try await w.engine.perform(CaseCommandRequest(name: .withdraw, body: body), caseNumber: second.number,
                                           caller: desk)
            let afterWithdrawal = try await w.duplicates.suggestions(forCase: first, caller: desk)
            XCTAssertEqual(afterWithdrawal, [])
        }
    }

    func testRefusals() async throws {
        try await withWorld { w in
            let number = try await w.open("阳光花园3号楼楼道堆放大量杂物,堵塞消防通道", address: "阳光花园3号楼")
            let desk = try w.caller(.intakeOperator, SampleAreas.township)
            func expectError(_ expected: String, field: String? = nil, _ call: () async throws -> [CaseDuplicate],
                             line: UInt = #line) async {
                do {
                    _ = try await call()
                    XCTFail("expected \(expected)", line: line)
                } catch let error as DomainError {
                    XCTAssertEqual(error.code, expected, line: line)
                    if let field, case .validation(let fields) = error {
                        XCTAssertTrue(fields.contains { $0.field == field }, "\(fields)", line: line)
                    }
                } catch {
                    XCTFail("\(error)", line: line)
                }
            }
            for days in [0, -1, 366] {
                await expectError("validation_failed", field: "days") {
                    try await w.duplicates.suggestions(for: w.draft(), days: days, caller: desk)
                }
                await expectError("validation_failed", field: "days") {
                    try await w.duplicates.suggestions(forCase: number, days: days, caller: desk)
                }
            }
            // The draft is checked as registering would check it.
            var bad = w.draft()
            bad.description = "短"
            bad.channel = "carrierPigeon"
            await expectError("validation_failed", field: "description") {
                try await w.duplicates.suggestions(for: bad, caller: desk)
            }
            await expectError("validation_failed", field: "channel") {
                try await w.duplicates.suggestions(for: bad, caller: desk)
            }
            await expectError("validation_failed", field: "gridCode") {
                try await w.duplicates.suggestions(for: w.draft(grid: Self.gridB), caller: desk)
            }
            // Roles that neither take in nor handle cases; cases out of sight.
            await expectError("forbidden") {
                try await w.duplicates.suggestions(for: w.draft(), caller: try w.caller(.leader, SampleAreas.county))
            }
            await expectError("forbidden") {
                try await w.duplicates.suggestions(forCase: number, caller: try w.caller(.systemAdmin, SampleAreas.county))
            }
            await expectError("not_found") {
                try await w.duplicates.suggestions(forCase: number, caller: try w.caller(.dispatcher, Self.townshipB))
            }
            await expectError("not_found") {
                try await w.duplicates.suggestions(forCase: "150207-2026-999999", caller: desk)
            }
            await expectError("not_found", {
                try await w.duplicates.suggestions(forCase: number, caller: try w.caller(.departmentHandler,
                                                                                          SampleAreas.township, department: 1))
            })
        }
    }
}
