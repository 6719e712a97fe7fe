import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import Synchronization
import XCTest

final class GroupCommitTests: XCTestCase {
    struct Refused: Error, Equatable { var item: Int }

    /// 200 writers at once, every tenth of which throws after writing: each caller gets its own answer,
    /// the refused ones leave nothing and the others are all stored.
    func testEachCallerGetsItsOwnOutcomeAndARefusalLeavesNothing() async throws {
        try await TestDatabases.each { db in
            let group = GroupCommit(database: db, maximumBatch: 16)
            let outcomes = try await withThrowingTaskGroup(of: (Int, Result<Int, Refused>).self) { tasks in
                for i in 0..<200 {
                    tasks.addTask {
                        do {
                            let value = try await group.write { sql in
                                try await SettingsRepository(sql).set("item\(i)", to: "\(i)")
                                if i % 10 == 0 { throw Refused(item: i) }
                                return i * 2
                            }
                            return (i, .success(value))
                        } catch let refused as Refused {
                            return (i, .failure(refused))
                        }
                    }
                }
                return try await tasks.reduce(into: [Int: Result<Int, Refused>]()) { $0[$1.0] = $1.1 }
            }
            for i in 0..<200 {
                XCTAssertEqual(outcomes[i], i % 10 == 0 ? .failure(Refused(item: i)) : .success(i * 2), "\(db.kind) \(i)")
            }
            let stored = try await db.read { sql in
                try await sql.raw("SELECT name FROM platform_settings WHERE name LIKE 'item%'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            XCTAssertEqual(Set(stored), Set((0..<200).filter { $0 % 10 != 0 }.map { "item\($0)" }), "\(db.kind)")
        }
    }

    /// While one transaction runs, everyone who arrives waits and then shares the next ones, at most
    /// `maximumBatch` to a transaction; later bodies see what earlier ones in the batch wrote.
    func testWritersArrivingDuringATransactionShareTheNextOnes() async throws {
        try await TestDatabases.each { db in
            let counting = CountingDatabase(db)
            let group = GroupCommit(database: counting, maximumBatch: 64)
            let (gate, opener) = AsyncStream<Void>.makeStream()
            let first = Task {
                try await group.write { sql in
                    for await _ in gate { break }
                    try await SettingsRepository(sql).set("first", to: "1")
                }
            }
            while await counting.writes.withLock({ $0 }) == 0 { await Task.yield() }
            let others = Task {
                try await withThrowingTaskGroup(of: String?.self) { tasks in
                    for i in 0..<199 {
                        tasks.addTask {
                            try await group.write { sql in
                                try await SettingsRepository(sql).set("n\(i)", to: "\(i)")
                                return try await SettingsRepository(sql).value("first")
                            }
                        }
                    }
                    return try await tasks.reduce(into: [String?]()) { $0.append($1) }
                }
            }
            while await group.waiting < 199 { await Task.yield() }
            opener.yield()
            try await first.value
            let seen = try await others.value
            XCTAssertEqual(seen.count, 199)
            XCTAssertTrue(seen.allSatisfy { $0 == "1" }, "\(db.kind)")
            // 1 transaction for the first writer, then ⌈199 / 64⌉ = 4 for the rest.
            XCTAssertEqual(counting.writes.withLock { $0 }, 5, "\(db.kind)")
        }
    }

    /// A failed commit fails every caller in the batch and stores none of it.
    func testAFailedTransactionFailsTheWholeBatch() async throws {
        try await TestDatabases.each { db in
            let group = GroupCommit(database: FailingCommit(db), maximumBatch: 8)
            do {
                _ = try await group.write { sql in try await SettingsRepository(sql).set("lost", to: "x") }
                XCTFail("\(db.kind): the write succeeded although its transaction failed")
            } catch is FailingCommit.Failure {}
            let value = try await db.read { try await SettingsRepository($0).value("lost") }
            XCTAssertNil(value, "\(db.kind)")
        }
    }
}

/// Counts the transactions it runs.
private final class CountingDatabase: Database {
    let base: any Database
    let writes = Mutex(0)
    init(_ base: any Database) { self.base = base }
    var kind: DatabaseKind { base.kind }
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T { try await base.read(body) }
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        writes.withLock { $0 += 1 }
        return try await base.write(body)
    }
    func ping() async throws { try await base.ping() }
    func poolUsage() async -> PoolUsage { await base.poolUsage() }
    func close() async {}
}

/// Runs the body, then fails the transaction as a failing commit would (so it rolls back).
private struct FailingCommit: Database {
    struct Failure: Error {}
    let base: any Database
    init(_ base: any Database) { self.base = base }
    var kind: DatabaseKind { base.kind }
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T { try await base.read(body) }
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await base.write { sql in
            _ = try await body(sql)
            throw Failure()
        }
    }
    func ping() async throws { try await base.ping() }
    func poolUsage() async -> PoolUsage { await base.poolUsage() }
    func close() async {}
}
