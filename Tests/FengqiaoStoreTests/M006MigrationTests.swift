import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

/// M006 on a database that already holds cases: those closed or archived get the tier they were
/// closed at (their current tier) and the time of their last `closed` event; the rest stay unresolved.
final class M006MigrationTests: XCTestCase {
    func testClosedAndArchivedCasesAreBackfilled() async throws {
        try await TestDatabases.each(migrate: false) { db in
            let before = Array(Migrations.all.prefix { $0.version < 6 })
            XCTAssertEqual(before.map(\.version), [1, 2, 3, 4, 5])
            try await Migrator(database: db, migrations: before, logger: TestDatabases.logger).migrate()
            func add(_ number: String, state: String, tier: String, events: [(String, Int64)]) async throws {
                try await db.write { sql in
                    // The row as the schema of M005 holds it (today's repository writes columns of later migrations).
                    let id = try await M016MigrationTests.insertCase(number, state: state, in: sql)
                    try await sql.update("cases").set("tier", to: tier).where("id", .equal, id).run()
                    for (type, at) in events {
                        try await sql.insert(into: "case_events")
                            .columns("case_id", "type", "from_state", "to_state", "actor", "payload", "at")
                            .values(SQLBind(id), SQLBind(type), SQLBind("x"), SQLBind(state), SQLBind("account:1"),
                                    SQLBind("{}"), SQLBind(at))
                            .run()
                    }
                }
            }
            try await add("A", state: "archived", tier: "village",
                          events: [("reported", 1), ("closed", 10), ("revisited", 20), ("closed", 30), ("revisited", 40)])
            try await add("B", state: "closed", tier: "township", events: [("reported", 1), ("closed", 50)])
            try await add("C", state: "inProgress", tier: "grid", events: [("reported", 1), ("closed", 10), ("revisited", 20)])
            try await add("D", state: "archived", tier: "grid", events: [("legacy_import", 5)])
            try await add("E", state: "rejected", tier: "grid", events: [("reported", 1), ("rejected", 2)])

            let through6 = Array(Migrations.all.prefix { $0.version <= 6 })
            let applied = try await Migrator(database: db, migrations: through6, logger: TestDatabases.logger).migrate()
            XCTAssertEqual(applied, [6], "\(db.kind)")
            let rows = try await db.read { sql in
                try await sql.select().column("number").column("resolved_tier").column("resolved_at").from("cases")
                    .orderBy("number").all()
                    .map { row -> String in
                        let tier = try row.decode(column: "resolved_tier", as: String?.self) ?? "∅"
                        let at = try row.decode(column: "resolved_at", as: Int64?.self).map(String.init) ?? "∅"
                        return "\(try row.decode(column: "number", as: String.self)):\(tier):\(at)"
                    }
            }
            XCTAssertEqual(rows, ["A:village:30", "B:township:50", "C:∅:∅", "D:∅:∅", "E:∅:∅"], "\(db.kind)")
        }
    }
}
