import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

final class MigratorTests: XCTestCase {
    func testMigrationsApplyOnceAndAreRecorded() async throws {
        try await TestDatabases.each(migrate: false) { db in
            let migrator = Migrator(database: db, logger: TestDatabases.logger)
            let first = try await migrator.migrate()
            XCTAssertEqual(first, Migrations.all.map(\.version), "\(db.kind)")
            let second = try await migrator.migrate()
            XCTAssertEqual(second, [], "\(db.kind): nothing applied twice")
            let applied = try await migrator.appliedVersions()
            XCTAssertEqual(applied, Migrations.all.map(\.version))
        }
    }

    func testAFailingMigrationLeavesNothingBehind() async throws {
        try await TestDatabases.each(migrate: false) { db in
            let broken = Migration(version: 999, name: "broken") { sql, _ in
                try await sql.create(table: "half_made").column("id", type: .int).run()
                try await sql.raw("THIS IS NOT SQL").run()
            }
            let migrator = Migrator(database: db, migrations: Migrations.all + [broken], logger: TestDatabases.logger)
            do {
                try await migrator.migrate()
                XCTFail("\(db.kind): expected failure")
            } catch {}
            for table in ["half_made", "cases", "schema_migrations"] {
                do {
                    _ = try await db.read { try await $0.select().column("*").from(table).all() }
                    XCTFail("\(db.kind): \(table) survived a failed migration run")
                } catch {}
            }
            let applied = try await Migrator(database: db, logger: TestDatabases.logger).migrate()
            XCTAssertEqual(applied, Migrations.all.map(\.version), "a clean run works afterwards")
        }
    }
}
