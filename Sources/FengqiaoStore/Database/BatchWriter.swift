import SQLKit

/// A batching writer: many small, independent writes that arrive together are done by one `body` call,
/// which receives all their items at once, inside one database transaction, so that a batch costs a
/// handful of multi-row statements instead of a few statements per item.
///
/// A caller's `write` returns only after the transaction holding its item has committed, so an answer
/// never reports what could still be lost.
///
/// If the body throws for a batch of several items, the transaction is rolled back and each item is
/// written again alone, by the same body in a transaction of its own, so one bad item cannot fail the
/// others: each caller then gets the outcome of its own item. The body must therefore give the same
/// result for an item whether it comes alone or with others. If the transaction itself fails (the
/// commit), every caller in the batch gets that error and nothing of the batch is stored; it is not
/// retried, since a commit that failed may not be known to have written nothing.
///
/// There is no timer: the first caller starts a transaction at once, and whoever arrives while it runs
/// waits for the next one, which takes them all (up to `maximumBatch`). Under light load every write
/// is its own transaction; under heavy load the fixed cost of a transaction and of each statement is
/// shared.
public actor BatchWriter<Item: Sendable, Output: Sendable> {
    /// Writes `items` on the transaction's connection; returns one output per item, in their order.
    public typealias Body = @Sendable (_ items: [Item], _ db: any SQLDatabase) async throws -> [Output]

    private struct Pending {
        var item: Item
        var continuation: CheckedContinuation<Output, any Error>
    }

    /// The body's own error, told apart from a failure of the transaction.
    private struct BodyFailure: Error {
        var error: any Error
    }

    private let database: any Database
    private let maximumBatch: Int
    private let body: Body
    private var queue: [Pending] = []
    private var draining = false

    public init(database: any Database, maximumBatch: Int = 64, body: @escaping Body) {
        self.database = database
        self.maximumBatch = max(1, maximumBatch)
        self.body = body
    }

    /// How many callers wait for the next transaction (for metrics and tests).
    public var waiting: Int { queue.count }

    /// Writes `item` in a transaction shared with other callers; returns its output once committed.
    public func write(_ item: Item) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Pending(item: item, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maximumBatch))
            queue.removeFirst(batch.count)
            let outcomes = await Self.run(batch.map(\.item), database: database, body: body)
            for (pending, outcome) in zip(batch, outcomes) {
                pending.continuation.resume(with: outcome)
            }
        }
        draining = false
    }

    /// One outcome per item: the batch in one transaction, else (the body threw) each item alone.
    private static func run(_ items: [Item], database: any Database, body: Body) async -> [Result<Output, any Error>] {
        do {
            return try await transaction(items, database: database, body: body).map { .success($0) }
        } catch let failure as BodyFailure {
            guard items.count > 1 else { return [.failure(failure.error)] }
        } catch {
            return Array(repeating: .failure(error), count: items.count)
        }
        var outcomes: [Result<Output, any Error>] = []
        outcomes.reserveCapacity(items.count)
        for item in items {
            do {
                let outputs = try await transaction([item], database: database, body: body)
                outcomes.append(.success(outputs[0]))
            } catch let failure as BodyFailure {
                outcomes.append(.failure(failure.error))
            } catch {
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }

    /// Runs the body in one transaction; its outputs, exactly one per item.
    private static func transaction(_ items: [Item], database: any Database, body: Body) async throws -> [Output] {
        try await database.write { db in
            let outputs: [Output]
            do {
                outputs = try await body(items, db)
            } catch {
                throw BodyFailure(error: error)
            }
            guard outputs.count == items.count else { throw BodyFailure(error: BatchWriterError.wrongOutputCount) }
            return outputs
        }
    }
}
