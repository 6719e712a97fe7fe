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

final class ConcurrentMigrationTests: XCTestCase {
    /// Two instances starting together against one PostgreSQL: each migration is applied once.
    func testInstancesMigratingTogetherApplyEachMigrationOnce() async throws {
        guard TestDatabases.postgresURL != nil else { throw XCTSkip("FENGQIAO_TEST_POSTGRES_URL not set") }
        let (url, drop) = try await TestDatabases.createPostgresDatabase()
        guard case .postgres(let settings) = try DatabaseLocation(url: url) else { return XCTFail(url) }
        let a = try await PostgresStorage.connect(settings, maxConnections: 2, logger: TestDatabases.logger)
        let b = try await PostgresStorage.connect(settings, maxConnections: 2, logger: TestDatabases.logger)
        do {
            async let first = Migrator(database: a, logger: TestDatabases.logger).migrate()
            async let second = Migrator(database: b, logger: TestDatabases.logger).migrate()
            let applied = try await [first, second]
            XCTAssertEqual(applied.flatMap { $0 }.sorted(), Migrations.all.map(\.version), "each version applied by exactly one")
        } catch {
            XCTFail("\(error)")
        }
        await a.close()
        await b.close()
        await drop()
    }
}
