import FengqiaoServices
import FengqiaoStore
import Foundation

/// Demo data for tests: a fresh, migrated temporary SQLite database with a demo scale loaded, at
/// the fixed reference time of `TestPlatform`, so the same seed always gives the same rows.
public enum DemoFixture {
    /// The reference time every demo fixture is generated at.
    public static let now = TestPlatform.referenceDate

    /// Loads demo data into an existing (empty, migrated) database.
    @discardableResult
    public static func load(
        into database: any Database, seed: UInt64 = 7, scale: DemoScale = .tiny, cases: Int? = nil
    ) async throws -> DemoSummary {
        try await DemoGenerator(seed: seed, scale: scale, cases: cases, now: now)
            .load(into: database, cipher: try TestPlatform.cipher(), logger: TestDatabases.logger)
    }

    /// Runs `body` on a new SQLite database holding the demo data; the file is removed afterwards.
    public static func withDemoDatabase<T>(
        seed: UInt64 = 7, scale: DemoScale = .tiny, cases: Int? = nil,
        _ body: (SQLiteStorage, DemoSummary) async throws -> T
    ) async throws -> T {
        try await TestDatabases.withSQLite { db in
            let summary = try await load(into: db, seed: seed, scale: scale, cases: cases)
            return try await body(db, summary)
        }
    }
}
