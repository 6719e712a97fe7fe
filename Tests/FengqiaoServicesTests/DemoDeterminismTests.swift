import FengqiaoDomain
import FengqiaoServices
import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

/// The demo data set is a fixture: the same seed, scale and reference time must give the same rows
/// (apart from ciphertexts and password hashes, which are random by nature).
final class DemoDeterminismTests: XCTestCase {
    /// Tables with their order and the columns that legitimately differ between loads.
    private static let tables: [(String, String, Set<String>)] = [
        ("areas", "code", []),
        ("departments", "id", []),
        ("accounts", "id", ["password_hash", "phone_cipher"]),
        ("people", "id", ["id_number_cipher", "phone_cipher"]),
        ("organizations", "id", []),
        ("places", "id", []),
        ("cases", "id", ["contact_phone_cipher"]),
        ("case_events", "id", []),
        ("case_assignments", "case_id, department_id", []),
        ("case_clocks", "id", []),
        ("case_daily_counts", "day, area_code, kind, channel, state", []),
        ("case_number_sequences", "county_code, year", []),
        ("centers", "area_code", []),
        ("households", "id", []),
        ("things", "id", []),
        ("grid_posts", "grid_code, post, account_id", []),
        ("duty_rosters", "department_id, day, account_id", []),
    ]

    private func dumps(seed: UInt64) async throws -> [String: [String]] {
        try await DemoFixture.withDemoDatabase(seed: seed, scale: .tiny) { db, _ in try await Self.dump(db) }
    }

    private static func dump(_ db: any Database) async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (table, order, excluded) in tables {
            result[table] = try await DemoRows.dump(db, table, orderBy: order, excluding: excluded)
        }
        return result
    }

    func testSameSeedGivesIdenticalRowsAndAnotherSeedDiffers() async throws {
        let first = try await dumps(seed: 42)
        let second = try await dumps(seed: 42)
        for (table, _, _) in Self.tables {
            let a = first[table] ?? []
            let b = second[table] ?? []
            XCTAssertFalse(a.isEmpty, "\(table) is empty")
            XCTAssertEqual(a.count, b.count, "\(table): row counts differ")
            if let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
                XCTFail("\(table) row \(i) differs:\n\(a[i])\n\(b[i])")
            }
        }
        let other = try await dumps(seed: 43)
        for table in ["areas", "people", "cases", "case_events", "households", "things", "centers", "grid_posts"] {
            XCTAssertNotEqual(first[table], other[table], "\(table) should depend on the seed")
        }
    }

    func testLoadingIntoANonEmptyDatabaseThrowsAndChangesNothing() async throws {
        try await DemoFixture.withDemoDatabase(scale: .tiny) { db, summary in
            do {
                try await DemoFixture.load(into: db, seed: 8, scale: .tiny)
                XCTFail("a second load must be refused")
            } catch let error as DomainError {
                XCTAssertEqual(error.code, "demo_database_not_empty")
            }
            let cases = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM cases")
            let areas = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM areas")
            XCTAssertEqual(cases, summary.cases)
            XCTAssertEqual(areas, summary.areasByLevel.values.reduce(0, +))
        }
    }

    /// The same generator fills PostgreSQL with the same rows (runs when `FENGQIAO_TEST_POSTGRES_URL` is set).
    func testPostgresGetsTheSameRowsAsSQLite() async throws {
        guard TestDatabases.postgresURL != nil else { throw XCTSkip("FENGQIAO_TEST_POSTGRES_URL is not set") }
        let sqlite = try await dumps(seed: 5)
        let postgres = try await TestDatabases.withPostgres { db in
            try await DemoFixture.load(into: db, seed: 5, scale: .tiny)
            let dump = try await Self.dump(db)
            // New rows continue after the demo's ids.
            for table in ["cases", "accounts", "households", "things"] {
                let next = try await DemoRows.count(
                    db, "SELECT nextval(pg_get_serial_sequence('\(table)', 'id')) AS n")
                let last = try await DemoRows.count(db, "SELECT MAX(id) AS n FROM \(table)")
                XCTAssertEqual(next, last + 1, table)
            }
            return dump
        }
        for (table, _, _) in Self.tables {
            // Text collation differs between the engines, so compare as sets of lines.
            XCTAssertEqual(
                (sqlite[table] ?? []).sorted(), (postgres[table] ?? []).sorted(), "\(table) differs between engines")
        }
    }

    /// A load is one transaction: if anything fails, nothing is left behind.
    func testAFailedLoadLeavesTheDatabaseEmpty() async throws {
        try await TestDatabases.withSQLite { db in
            let failing = FailingAtCommit(base: db)
            do {
                try await DemoFixture.load(into: failing, seed: 2, scale: .tiny)
                XCTFail("the injected failure must surface")
            } catch is FailingAtCommit.Injected {}
            let tables = [
                "areas", "people", "accounts", "cases", "case_events", "case_daily_counts", "centers", "households",
                "things", "grid_posts", "duty_rosters",
            ]
            for table in tables {
                let rows = try await DemoRows.count(db, "SELECT COUNT(*) AS n FROM \(table)")
                XCTAssertEqual(rows, 0, "\(table) kept rows of the failed load")
            }
        }
    }
}

/// A database whose write transactions all fail just before they would commit.
private struct FailingAtCommit: Database {
    struct Injected: Error {}
    let base: any Database
    var kind: DatabaseKind { base.kind }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await base.read(body)
    }

    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await base.write { db in
            _ = try await body(db)
            throw Injected()
        }
    }

    func ping() async throws { try await base.ping() }
    func poolUsage() async -> PoolUsage { await base.poolUsage() }
    func close() async { await base.close() }
}
