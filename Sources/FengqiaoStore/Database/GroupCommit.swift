import SQLKit

/// Group commit: many small, independent write transactions that arrive together are run as one
/// database transaction, each inside its own savepoint.
///
/// A caller's `write` returns only after the transaction holding its work has committed, so an answer
/// never reports what could still be lost. A body that throws rolls back to its savepoint and only its
/// caller sees the error; the others in the batch still commit. If the transaction itself fails (the
/// commit, or a savepoint that cannot be rolled back), every caller in that batch gets the error and
/// nothing of the batch is stored.
///
/// There is no timer: the first caller starts a transaction at once, and whoever arrives while it runs
/// waits for the next one, which takes them all (up to `maximumBatch`). Under light load every write
/// is its own transaction; under heavy load the fixed cost of a transaction (taking the writer, the
/// WAL append and commit) is shared. Bodies run one after the other on the one connection, so a body
/// sees everything the bodies before it in the batch wrote (an idempotency key used twice in one batch
/// is found the second time).
public actor GroupCommit {
    private struct Pending {
        var body: @Sendable (any SQLDatabase) async throws -> any Sendable
        var continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let database: any Database
    private let maximumBatch: Int
    private var queue: [Pending] = []
    private var draining = false

    public init(database: any Database, maximumBatch: Int = 64) {
        self.database = database
        self.maximumBatch = max(1, maximumBatch)
    }

    /// How many callers wait for the next transaction (for metrics and tests).
    public var waiting: Int { queue.count }

    /// Runs `body` in a transaction shared with other callers and returns its result once committed.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { continuation in
            queue.append(Pending(body: { try await body($0) }, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
        guard let result = value as? T else { throw GroupCommitError.unexpectedResult }
        return result
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maximumBatch))
            queue.removeFirst(batch.count)
            let bodies = batch.map(\.body)
            let outcomes: [Outcome]
            do {
                outcomes = try await database.write { db in try await Self.run(bodies, in: db) }
            } catch {
                outcomes = Array(repeating: .failure(error), count: batch.count)
            }
            for (pending, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(let value): pending.continuation.resume(returning: value)
                case .failure(let error): pending.continuation.resume(throwing: error)
                }
            }
        }
        draining = false
    }

    private enum Outcome: Sendable {
        case success(any Sendable)
        case failure(any Error)
    }

    private static func run(
        _ bodies: [@Sendable (any SQLDatabase) async throws -> any Sendable], in db: any SQLDatabase
    ) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(bodies.count)
        for body in bodies {
            try await db.raw("SAVEPOINT group_item").run()
            do {
                let value = try await body(db)
                try await db.raw("RELEASE SAVEPOINT group_item").run()
                outcomes.append(.success(value))
            } catch {
                try await db.raw("ROLLBACK TO SAVEPOINT group_item").run()
                try await db.raw("RELEASE SAVEPOINT group_item").run()
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }
}

/// A result of the wrong type came back through the batch (a programming error, never input).
public enum GroupCommitError: Error {
    case unexpectedResult
}
