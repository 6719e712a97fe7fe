import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import XCTest

final class SQLiteStorageTests: XCTestCase {
    func testUsesWALAndReadersCannotWrite() async throws {
        try await TestDatabases.withSQLite { db in
            let mode = try await db.read { try await $0.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) }
            XCTAssertEqual(mode, "wal")
            do {
                try await db.read { try await $0.raw("INSERT INTO platform_settings (name, value) VALUES ('x', 'y')").run() }
                XCTFail("a reader wrote")
            } catch {}
            let usage = await db.poolUsage()
            XCTAssertEqual(usage, PoolUsage(inUse: 0, capacity: 5))
        }
    }

    func testConcurrentWritesAreSerialisedWithoutBusyErrors() async throws {
        try await TestDatabases.withSQLite { db in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        try await db.write { try await SettingsRepository($0).setIfAbsent("k\(i)", to: "v") }
                        _ = try await db.read { try await SettingsRepository($0).value("k\(i)") }
                    }
                }
                try await group.waitForAll()
            }
            let count = try await db.read { try await $0.raw("SELECT COUNT(*) AS n FROM platform_settings").first()?.decode(column: "n", as: Int.self) }
            XCTAssertEqual(count, 50)
        }
    }

    func testSettingsKeepTheFirstValue() async throws {
        try await TestDatabases.each { db in
            let first = try await db.write { try await SettingsRepository($0).setIfAbsent("fingerprint", to: "a") }
            let second = try await db.write { try await SettingsRepository($0).setIfAbsent("fingerprint", to: "b") }
            XCTAssertEqual([first, second], ["a", "a"], "\(db.kind)")
        }
    }
}
