import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

final class AreaEditingTests: XCTestCase {
    static let box = SampleAreas.rectangle

    func leader(_ db: any Database) async throws -> Caller {
        let id = try await TestAccounts.create("leader", role: .leader, area: SampleAreas.township, in: db)
        return Caller(staff: Staff(accountID: id, username: "leader", displayName: "领导", role: .leader,
                                   jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.township)!)), ip: "test")
    }

    func activeCodes(_ db: any Database) async throws -> [String] {
        try await db.read { try await AreaRepository($0).allActive() }.map(\.code).sorted()
    }

    func testANewGridBesideTheFirstIsNumberedLocatedAndRecorded() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let caller = try await leader(db)
            let editing = AreaEditing(platform: platform)
            let code = try await editing.create(
                parent: SampleAreas.village, part: .init(name: "康乐社区第2网格", boundary: Self.box(40.60, 109.81, 40.61, 109.82)),
                effectiveOn: "2026-12-01", acceptGaps: true, caller: caller)
            XCTAssertEqual(code, "150207001001002")
            let atlas = try await platform.areaAtlas()
            XCTAssertEqual(atlas.locate(Coordinate(latitude: 40.605, longitude: 109.815))?.leaf.code, code)
            let history = try await editing.history(code: code, caller: caller)
            XCTAssertEqual(history.map(\.change), ["created"])
            XCTAssertEqual(history.first?.effectiveOn, "2026-12-01")
            let audit = try await db.read { try await AuditRepository($0, kind: db.kind).latest(limit: 1) }
            XCTAssertEqual(audit.first?.action, "area.created")
        }
    }

    func testBoundariesThatBreakTheFamilyAreRefusedAndNothingIsSaved() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let caller = try await leader(db)
            let editing = AreaEditing(platform: platform)
            let before = try await activeCodes(db)
            let cases: [(String, String)] = [
                (Self.box(40.605, 109.805, 40.615, 109.815), "overlaps_sibling"),   // over grid 1
                (Self.box(40.61, 109.81, 40.63, 109.83), "outside_parent"),          // sticks out of the village
                (#"{"type":"Polygon","coordinates":[[[109.81,40.61],[109.82,40.62],[109.82,40.61],[109.81,40.62],[109.81,40.61]]]}"#, "self_intersection"),
                ("not json", "invalid_geojson"),
            ]
            for (boundary, code) in cases {
                do {
                    try await editing.create(parent: SampleAreas.village, part: .init(name: "新网格", boundary: boundary),
                                             effectiveOn: nil, acceptGaps: true, caller: caller)
                    XCTFail("accepted \(code)")
                } catch DomainError.validation(let fields) {
                    XCTAssertTrue(fields.contains { $0.code == code }, "\(code): \(fields)")
                    XCTAssertTrue(fields.allSatisfy { $0.field == "boundary" && !$0.message.isEmpty })
                }
            }
            // Shrinking grid 1 opens a gap: refused unless the gap is accepted.
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                try await editing.redraw(code: SampleAreas.grid, boundary: Self.box(40.60, 109.80, 40.605, 109.81),
                                         effectiveOn: nil, caller: caller)
            }
            let stillActive = try await activeCodes(db)
            XCTAssertEqual(stillActive, before)
            let changes = try await db.read { try await AreaRepository($0).changes(involving: SampleAreas.grid) }
            XCTAssertTrue(changes.isEmpty)
            try await editing.redraw(code: SampleAreas.grid, boundary: Self.box(40.60, 109.80, 40.605, 109.81),
                                     effectiveOn: nil, acceptGaps: true, caller: caller)
            let grid = try await platform.areaAtlas().node(SampleAreas.grid)
            XCTAssertEqual(grid?.squareMetres ?? 0, 0.005 * 0.01 * 111_195 * 111_195 * cos(40.6025 * .pi / 180), accuracy: 2_000)
        }
    }

    func testSplitRetiresTheGridButItsCasesKeepIt() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let caller = try await leader(db)
            let receipt = try await ReportIntake(platform: platform).submit(ReportSubmission(
                kind: "dispute", description: "邻居装修噪音扰民", latitude: 40.605, longitude: 109.805))
            XCTAssertEqual(receipt.gridCode, SampleAreas.grid)
            let editing = AreaEditing(platform: platform)
            // Parts that leave a hole are refused.
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await editing.split(code: SampleAreas.grid, into: [
                    .init(name: "西", boundary: Self.box(40.60, 109.80, 40.61, 109.804)),
                    .init(name: "东", boundary: Self.box(40.60, 109.806, 40.61, 109.81)),
                ], effectiveOn: nil, caller: caller)
            }
            let codes = try await editing.split(code: SampleAreas.grid, into: [
                .init(name: "康乐社区第1网格西", boundary: Self.box(40.60, 109.80, 40.61, 109.805)),
                .init(name: "康乐社区第1网格东", boundary: Self.box(40.60, 109.805, 40.61, 109.81)),
            ], effectiveOn: "2027-01-01", caller: caller)
            XCTAssertEqual(codes, ["150207001001002", "150207001001003"])
            let oldGridActive = try await activeCodes(db).contains(SampleAreas.grid)
            XCTAssertFalse(oldGridActive)
            let old = try await db.read { try await CaseRepository($0).find(number: receipt.number) }
            XCTAssertEqual(old?.gridCode, SampleAreas.grid, "the case keeps the grid it was reported in")
            let next = try await ReportIntake(platform: platform).submit(ReportSubmission(
                kind: "dispute", description: "邻居装修噪音扰民", latitude: 40.605, longitude: 109.807))
            XCTAssertEqual(next.gridCode, "150207001001003")
            let history = try await editing.history(code: SampleAreas.grid, caller: caller)
            XCTAssertEqual(history.map(\.change).sorted(), ["created", "created", "split"])
            XCTAssertTrue(history.contains { $0.change == "split" && $0.relatedCodes == codes.joined(separator: "|") })
            // Merging them back gives a new code; the two halves retire.
            let merged = try await editing.merge(codes: codes, into: "康乐社区第1网格", effectiveOn: nil, caller: caller)
            XCTAssertEqual(merged, "150207001001004")
            let activeGrids = try await activeCodes(db).filter { $0.count == 15 }
            XCTAssertEqual(activeGrids, [merged])
        }
    }

    func testRenameNeedsAValidDayPermissionAndJurisdiction() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let platform = try TestPlatform.make(database: db)
            let caller = try await leader(db)
            let editing = AreaEditing(platform: platform)
            try await editing.rename(code: SampleAreas.village, to: "康乐社区(新)", aliases: ["康乐"], effectiveOn: nil, caller: caller)
            let renamed = try await platform.areaAtlas().node(SampleAreas.village)?.name
            XCTAssertEqual(renamed, "康乐社区(新)")
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                try await editing.rename(code: SampleAreas.village, to: "x", effectiveOn: "2026-02-30", caller: caller)
            }
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                try await editing.rename(code: SampleAreas.village, to: "  ", effectiveOn: nil, caller: caller)
            }
            await XCTAssertThrowsDomainError(code: "not_found") {
                try await editing.rename(code: SampleAreas.county, to: "九原", effectiveOn: nil, caller: caller)
            }
            let worker = Caller(staff: Staff(accountID: 9, username: "w", displayName: "w", role: .gridWorker,
                                             jurisdiction: Jurisdiction(root: AreaCode(SampleAreas.township)!)), ip: "t")
            await XCTAssertThrowsDomainError(code: "forbidden") {
                try await editing.rename(code: SampleAreas.village, to: "康乐", effectiveOn: nil, caller: worker)
            }
            let unchanged = try await platform.areaAtlas().node(SampleAreas.village)?.name
            XCTAssertEqual(unchanged, "康乐社区(新)")
        }
    }

    func testAGridMovesToAnotherVillageUnderANewCode() async throws {
        try await TestDatabases.each { db in
            try await SampleAreas.insert(into: db)
            let other = "150207001002"
            try await db.write { sql in
                try await AreaRepository(sql).insert([AreaRecord(
                    code: other, parentCode: SampleAreas.township, level: "village", name: "新村社区",
                    boundary: Self.box(40.60, 109.80, 40.62, 109.82), createdAt: 0)])
            }
            let platform = try TestPlatform.make(database: db)
            let caller = try await leader(db)
            let editing = AreaEditing(platform: platform)
            // A second grid stays behind; moving the first opens a gap in the old village.
            try await editing.create(parent: SampleAreas.village, part: .init(name: "康乐社区第2网格",
                                     boundary: Self.box(40.60, 109.81, 40.61, 109.82)), effectiveOn: nil, acceptGaps: true,
                                     caller: caller)
            await XCTAssertThrowsDomainError(code: "validation_failed") {
                _ = try await editing.move(code: SampleAreas.grid, to: other, effectiveOn: nil, caller: caller)
            }
            await XCTAssertThrowsDomainError(code: "not_movable") {
                _ = try await editing.move(code: SampleAreas.grid, to: SampleAreas.township, effectiveOn: nil, caller: caller)
            }
            let moved = try await editing.move(code: SampleAreas.grid, to: other, effectiveOn: nil, acceptGaps: true, caller: caller)
            XCTAssertEqual(moved, "150207001002001")
            let atlas = try await platform.areaAtlas()
            XCTAssertNil(atlas.node(SampleAreas.grid))
            XCTAssertEqual(atlas.path(to: moved)?.at(.village)?.code, other)
            let history = try await editing.history(code: SampleAreas.grid, caller: caller)
            XCTAssertTrue(history.contains { $0.change == "moved" && $0.relatedCodes == moved })
        }
    }
}
