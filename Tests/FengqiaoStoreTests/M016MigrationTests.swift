import FengqiaoDomain
import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

/// M016 on a database that already holds cases: the latest revisit's rating and the late clocks are
/// copied onto the rows, and the dashboard's rollups are built from them.
final class M016MigrationTests: XCTestCase {
    /// A case row with only the columns of M001 (what every later migration adds has a default).
    static func insertCase(_ number: String, state: String, day: String = "2026-11-20", in sql: any SQLDatabase)
        async throws -> Int64
    {
        let row = try await sql.insert(into: "cases")
            .columns("number", "tracking_code", "kind", "category", "channel", "state", "urgency", "area_code", "grid_code",
                     "description", "people_involved", "amount_involved", "reported_day", "reported_at", "updated_at")
            .values(SQLBind(number), SQLBind("T" + number), SQLBind("dispute"), SQLBind("neighbour"), SQLBind("phone"),
                    SQLBind(state), SQLBind("normal"), SQLBind(SampleAreas.village), SQLBind(SampleAreas.grid),
                    SQLBind("邻里纠纷"), SQLBind(1), SQLBind(0), SQLBind(day), SQLBind(0), SQLBind(0))
            .returning("id").first()
        return try XCTUnwrap(row).decode(column: "id", as: Int64.self)
    }

    func testRatingsLateClocksAndRollupsAreBackfilled() async throws {
        try await TestDatabases.each(migrate: false) { db in
            let before = Array(Migrations.all.prefix { $0.version < 16 })
            try await Migrator(database: db, migrations: before, logger: TestDatabases.logger).migrate()
            try await db.write { sql in
                func event(_ id: Int64, _ type: String, _ payload: String, _ at: Int64) async throws {
                    try await sql.insert(into: "case_events")
                        .columns("case_id", "type", "from_state", "to_state", "actor", "payload", "at")
                        .values(SQLBind(id), SQLBind(type), SQLBind("closed"), SQLBind("archived"), SQLBind("account:1"),
                                SQLBind(payload), SQLBind(at)).run()
                }
                let a = try await Self.insertCase("A", state: "archived", in: sql)
                try await event(a, "revisited", #"{"at":1,"payload":{"revisited":{"channel":"phone","reopened":true,"satisfaction":"unsatisfied"}}}"#, 1)
                try await event(a, "revisited", #"{"at":2,"payload":{"revisited":{"channel":"phone","reopened":false,"satisfaction":"basicallySatisfied"}}}"#, 2)
                try await sql.update("cases").set("resolved_tier", to: "village").where("id", .equal, a).run()
                let b = try await Self.insertCase("B", state: "inProgress", in: sql)
                try await sql.insert(into: "case_clocks")
                    .columns("case_id", "kind", "started_at", "limit_unit", "limit_value", "due_at", "check_at", "paused_ms", "status")
                    .values(SQLBind(b), SQLBind("handling"), SQLBind(0), SQLBind("workingDays"), SQLBind(5), SQLBind(10),
                            SQLBind(10), SQLBind(0), SQLBind("missed")).run()
                _ = try await Self.insertCase("C", state: "closed", in: sql)
            }
            let through16 = Array(Migrations.all.prefix { $0.version <= 16 })
            let applied = try await Migrator(database: db, migrations: through16, logger: TestDatabases.logger).migrate()
            XCTAssertEqual(applied, [16], "\(db.kind)")
            let rows = try await db.read { sql in
                try await sql.select().column("number").column("satisfaction").column("clock_late").from("cases")
                    .orderBy("number").all().map { row -> String in
                        "\(try row.decode(column: "number", as: String.self)):"
                            + "\(try row.decode(column: "satisfaction", as: String?.self) ?? "∅"):"
                            + "\(try row.decode(column: "clock_late", as: Int.self))"
                    }
            }
            XCTAssertEqual(rows, ["A:basicallySatisfied:0", "B:∅:1", "C:∅:0"], "\(db.kind)")
            let rollups = try await db.read { try await CaseRollupRepository($0).all() }
            func n(_ period: String, _ measure: String) -> Int? {
                rollups[CaseRollupKey(period: period, scope: "area:150207001", measure: measure)]
            }
            XCTAssertEqual(n("2026-11-20", "total"), 3)
            XCTAssertEqual(n("2026-11", "total"), 3)
            XCTAssertEqual(n("2026-11", "closed"), 2)
            XCTAssertEqual(n("2026-11", "closedOnTime"), 2)
            XCTAssertEqual(n("2026-11", "rated"), 1)
            XCTAssertEqual(n("2026-11", "satisfied"), 1)
            XCTAssertEqual(n("2026-11", "resolvedVillage"), 1)
            XCTAssertEqual(rollups[CaseRollupKey(period: "2026-11", scope: "grid:" + SampleAreas.grid, measure: "state:inProgress")], 1)
        }
    }
}
