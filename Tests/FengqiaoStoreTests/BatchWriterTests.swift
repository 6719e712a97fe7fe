import FengqiaoStore
import FengqiaoTestSupport
import SQLKit
import Synchronization
import XCTest

final class BatchWriterTests: XCTestCase {
    struct Refused: Error, Equatable { var item: Int }

    /// Writes a setting per item and answers twice the item; an item divisible by 10 is refused after
    /// its setting was written.
    static let body: BatchWriter<Int, Int>.Body = { items, sql in
        for i in items {
            try await SettingsRepository(sql).set("item\(i)", to: "\(i)")
            if i % 10 == 0 { throw Refused(item: i) }
        }
        return items.map { $0 * 2 }
    }

    /// 200 writers at once, every tenth of which is refused: a refused item fails its batch, whose items
    /// are then written one by one, so each caller gets its own answer, the refused ones leave nothing
    /// and the others are all stored.
    func testEachCallerGetsItsOwnOutcomeAndARefusalLeavesNothing() async throws {
        try await TestDatabases.each { db in
            let writer = BatchWriter(database: db, maximumBatch: 16, body: Self.body)
            let outcomes = try await withThrowingTaskGroup(of: (Int, Result<Int, Refused>).self) { tasks in
                for i in 0..<200 {
                    tasks.addTask {
                        do {
                            return (i, .success(try await writer.write(i)))
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

    /// While one transaction runs, everyone who arrives waits and then shares the next ones: the body gets
    /// them together, at most `maximumBatch` at a time, in the order they came.
    func testWritersArrivingDuringATransactionShareTheNextOnes() async throws {
        try await TestDatabases.each { db in
            let counting = CountingDatabase(db)
            let (gate, opener) = AsyncStream<Void>.makeStream()
            let batches = Mutex<[[Int]]>([])
            let writer = BatchWriter<Int, String?>(database: counting, maximumBatch: 64) { items, sql in
                batches.withLock { $0.append(items) }
                if items == [-1] {
                    for await _ in gate { break }
                    try await SettingsRepository(sql).set("first", to: "1")
                }
                let first = try await SettingsRepository(sql).value("first")
                return items.map { _ in first }
            }
            let first = Task { try await writer.write(-1) }
            while counting.writes.withLock({ $0 }) == 0 { await Task.yield() }
            var others: [Task<String?, any Error>] = []
            for i in 0..<199 {
                others.append(Task { try await writer.write(i) })
                while await writer.waiting < i + 1 { await Task.yield() }
            }
            opener.yield()
            _ = try await first.value
            var seen: [String?] = []
            for task in others { seen.append(try await task.value) }
            XCTAssertTrue(seen.allSatisfy { $0 == "1" }, "\(db.kind)")
            // 1 transaction for the first writer, then ⌈199 / 64⌉ = 4 for the rest, in arrival order.
            XCTAssertEqual(counting.writes.withLock { $0 }, 5, "\(db.kind)")
            let sizes = batches.withLock { $0.map(\.count) }
            XCTAssertEqual(sizes, [1, 64, 64, 64, 7], "\(db.kind)")
            XCTAssertEqual(batches.withLock { $0.dropFirst().flatMap { $0 } }, Array(0..<199))
        }
    }

    /// A batch whose body fails is rolled back and its items are written again one by one, each in its
    /// own transaction: the good ones are stored once, the bad one gets its own error.
    func testAFailedBatchIsWrittenAgainItemByItem() async throws {
        try await TestDatabases.each { db in
            let counting = CountingDatabase(db)
            let (gate, opener) = AsyncStream<Void>.makeStream()
            let writer = BatchWriter<Int, Int>(database: counting, maximumBatch: 64) { items, sql in
                if items == [1] { for await _ in gate { break } }
                return try await Self.body(items, sql)
            }
            let first = Task { try await writer.write(1) }
            while counting.writes.withLock({ $0 }) == 0 { await Task.yield() }
            var tasks: [Task<Int, any Error>] = []
            for i in 2...6 {
                tasks.append(Task { try await writer.write(i == 4 ? 10 : i) })
                while await writer.waiting < i - 1 { await Task.yield() }
            }
            opener.yield()
            let one = try await first.value
            XCTAssertEqual(one, 2)
            var outcomes: [Result<Int, Refused>] = []
            for task in tasks {
                do { outcomes.append(.success(try await task.value)) } catch let refused as Refused {
                    outcomes.append(.failure(refused))
                }
            }
            XCTAssertEqual(outcomes, [.success(4), .success(6), .failure(Refused(item: 10)), .success(10), .success(12)])
            // The first alone, the failed batch of five, then each of the five alone.
            XCTAssertEqual(counting.writes.withLock { $0 }, 7, "\(db.kind)")
            let stored = try await db.read { sql in
                try await sql.raw("SELECT name FROM platform_settings WHERE name LIKE 'item%'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            XCTAssertEqual(stored.sorted(), ["item1", "item2", "item3", "item5", "item6"], "\(db.kind)")
        }
    }

    /// A failed commit fails every caller in the batch, stores none of it and is not retried.
    func testAFailedTransactionFailsTheWholeBatch() async throws {
        try await TestDatabases.each { db in
            let failing = FailingCommit(db)
            let writer = BatchWriter(database: failing, maximumBatch: 8, body: Self.body)
            do {
                _ = try await writer.write(7)
                XCTFail("\(db.kind): the write succeeded although its transaction failed")
            } catch is FailingCommit.Failure {}
            let value = try await db.read { try await SettingsRepository($0).value("item7") }
            XCTAssertNil(value, "\(db.kind)")
            XCTAssertEqual(failing.writes.withLock { $0 }, 1, "\(db.kind)")
        }
    }

    /// A body answering for fewer items than it got is a programming error: nothing is stored.
    func testABodyWithTheWrongNumberOfOutputsStoresNothing() async throws {
        try await TestDatabases.withSQLite { db in
            let writer = BatchWriter<Int, Int>(database: db) { items, sql in
                try await SettingsRepository(sql).set("short", to: "x")
                return []
            }
            do {
                _ = try await writer.write(1)
                XCTFail("a short answer is refused")
            } catch BatchWriterError.wrongOutputCount {}
            let value = try await db.read { try await SettingsRepository($0).value("short") }
            XCTAssertNil(value)
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
private final class FailingCommit: Database {
    struct Failure: Error {}
    let base: any Database
    let writes = Mutex(0)
    init(_ base: any Database) { self.base = base }
    var kind: DatabaseKind { base.kind }
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T { try await base.read(body) }
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        writes.withLock { $0 += 1 }
        return try await base.write { sql in
            _ = try await body(sql)
            throw Failure()
        }
    }
    func ping() async throws { try await base.ping() }
    func poolUsage() async -> PoolUsage { await base.poolUsage() }
    func close() async {}
}
