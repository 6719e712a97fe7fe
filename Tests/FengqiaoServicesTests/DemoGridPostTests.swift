import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import XCTest

/// The demo staffs its grids under 一格一长一警一专多兼: every grid has its full-time worker, all but a
/// deliberate ~3% a leader and all but ~2% a police officer of the township's 派出所 (one officer per
/// 3–5 grids), and about 40% have part-timers.
final class DemoGridPostTests: XCTestCase {
    /// The grids left unfilled on purpose, as the generator documents them: a share, at least one.
    private static func gaps(_ share: Double, of grids: Int) -> Int { max(1, Int((Double(grids) * share).rounded())) }

    private struct Holder {
        let grid: String, post: GridPost, account: Int64, username: String, role: String, area: String
        let departmentCode: String?, departmentArea: String?
    }

    private func holders(_ db: any Database) async throws -> [Holder] {
        try await DemoRows.query(
            db,
            """
            SELECT p.grid_code, p.post, p.account_id, a.username, a.role, a.area_code,
                   d.code AS department_code, d.area_code AS department_area
            FROM grid_posts p JOIN accounts a ON a.id = p.account_id
            LEFT JOIN departments d ON d.id = a.department_id
            """
        ).map { row in
            Holder(
                grid: row["grid_code"] ?? "", post: GridPost(rawValue: row["post"] ?? "") ?? .partTime,
                account: Int64(row["account_id"] ?? "") ?? 0, username: row["username"] ?? "", role: row["role"] ?? "",
                area: row["area_code"] ?? "", departmentCode: row["department_code"].flatMap { $0 == "∅" ? nil : $0 },
                departmentArea: row["department_area"].flatMap { $0 == "∅" ? nil : $0 })
        }
    }

    func testEveryGridHasItsWorkerAndTheGapsAreTheIntendedOnes() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let grids = try await DemoRows.query(db, "SELECT code, grid_kind FROM areas WHERE level = 'grid'")
                .compactMap { $0["code"] }
            let holders = try await self.holders(db)
            XCTAssertEqual(holders.count, summary.gridPosts)
            let byGrid = Dictionary(grouping: holders, by: \.grid)
            XCTAssertEqual(Set(byGrid.keys), Set(grids), "posts are held in grids, and every grid has some")
            var withoutLeader = 0
            var withoutPolice = 0
            var withPartTimers = 0
            for grid in grids {
                let held = byGrid[grid] ?? []
                let byPost = Dictionary(grouping: held, by: \.post).mapValues { $0.map(\.account) }
                let staffing = GridStaffing(posts: byPost)
                XCTAssertTrue(staffing.overfilledPosts.isEmpty, grid)
                XCTAssertFalse(staffing.unfilledPosts.contains(.fullTime), "\(grid) has no full-time worker")
                if staffing.unfilledPosts.contains(.leader) { withoutLeader += 1 }
                if staffing.unfilledPosts.contains(.police) { withoutPolice += 1 }
                if !(staffing.holders[.partTime] ?? []).isEmpty { withPartTimers += 1 }
                for holder in held {
                    switch holder.post {
                    case .fullTime:
                        XCTAssertEqual(holder.role, Role.gridWorker.rawValue)
                        XCTAssertEqual(holder.area, grid)
                        XCTAssertTrue(
                            ["grid.\(grid)", "demo.gridworker"].contains(holder.username), "the grid's own worker")
                    case .leader:
                        XCTAssertEqual(holder.role, Role.gridLeader.rawValue)
                        XCTAssertEqual(holder.area, grid)
                    case .partTime:
                        XCTAssertEqual(holder.role, Role.gridWorker.rawValue)
                        XCTAssertEqual(holder.area, grid)
                        XCTAssertTrue(holder.username.hasPrefix("gridpart.\(grid)."), holder.username)
                    case .police:
                        XCTAssertEqual(holder.role, Role.departmentHandler.rawValue)
                        XCTAssertEqual(holder.departmentCode, "publicSecurity")
                        let township = String(grid.prefix(9)) + "000"
                        XCTAssertEqual(holder.departmentArea, township, "the officer is of the grid's 派出所")
                        XCTAssertEqual(holder.area, township)
                    }
                }
            }
            XCTAssertEqual(withoutLeader, summary.gridsWithoutLeader)
            XCTAssertEqual(withoutPolice, summary.gridsWithoutPolice)
            XCTAssertEqual(withoutLeader, Self.gaps(0.03, of: grids.count))
            XCTAssertEqual(withoutPolice, Self.gaps(0.02, of: grids.count))
            XCTAssertGreaterThan(withPartTimers, 0)
            XCTAssertLessThan(withPartTimers, grids.count)

            // Officers walk a beat of neighbouring grids in one township.
            let beats = Dictionary(grouping: holders.filter { $0.post == .police }, by: \.account)
            let perTownship = Dictionary(grouping: beats.values.map { Set($0.map(\.grid)) }) {
                String($0.first?.prefix(9) ?? "")
            }
            for (township, officers) in perTownship {
                let covered = officers.reduce(0) { $0 + $1.count }
                for beat in officers {
                    XCTAssertEqual(Set(beat.map { $0.prefix(9) }).count, 1, "a beat stays in its township")
                    if covered >= 3 { XCTAssertTrue((3...5).contains(beat.count), "\(township): \(beat.count) grids") }
                }
            }
        }
    }

    func testDemoLoginsHoldThePostsOfTheirGrid() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            let worker = try XCTUnwrap(summary.logins.first { $0.role == .gridWorker })
            let rows = try await DemoRows.query(
                db,
                """
                SELECT a.area_code, p.post, p.grid_code FROM accounts a JOIN grid_posts p ON p.account_id = a.id
                WHERE a.username = '\(worker.username)'
                """)
            XCTAssertEqual(rows.count, 1)
            XCTAssertEqual(rows.first?["post"], GridPost.fullTime.rawValue)
            XCTAssertEqual(rows.first?["grid_code"], rows.first?["area_code"])
            let leader = try XCTUnwrap(summary.logins.first { $0.role == .gridLeader })
            let led = try await DemoRows.query(
                db,
                """
                SELECT p.post, p.grid_code FROM accounts a JOIN grid_posts p ON p.account_id = a.id
                WHERE a.username = '\(leader.username)'
                """)
            XCTAssertEqual(led.first?["post"], GridPost.leader.rawValue)
            XCTAssertEqual(led.first?["grid_code"], rows.first?["grid_code"], "the demo leader leads the demo grid")
        }
    }

    /// At `small` (≈1,500 grids) the shares come out as documented.
    func testSharesAtSmallScale() async throws {
        try await DemoFixture.withDemoDatabase(seed: 1, scale: .small) { db, summary in
            let grids = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM areas WHERE level = 'grid'")
            XCTAssertEqual(summary.gridsWithoutLeader, Self.gaps(0.03, of: grids))
            XCTAssertEqual(summary.gridsWithoutPolice, Self.gaps(0.02, of: grids))
            let partTimed = try await DemoRows.count(
                db, "SELECT COUNT(DISTINCT grid_code) AS n FROM grid_posts WHERE post = 'partTime'")
            XCTAssertEqual(Double(partTimed) / Double(grids), 0.4, accuracy: 0.04)
            let officers = try await DemoRows.count(
                db, "SELECT COUNT(DISTINCT account_id) AS n FROM grid_posts WHERE post = 'police'")
            XCTAssertEqual(Double(grids - summary.gridsWithoutPolice) / Double(officers), 4, accuracy: 0.5)
        }
    }
}
