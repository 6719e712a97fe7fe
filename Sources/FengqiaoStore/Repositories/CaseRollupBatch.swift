import FengqiaoDomain
import Foundation
import SQLKit

/// The rollup changes of one transaction, summed and written in one multi-row upsert at its end
/// (`CaseRollupRepository.batching`): every transaction then takes the shared counter rows' locks
/// together, in one sorted order, so two transactions moving cases of one city cannot deadlock on
/// PostgreSQL, however many statements each made.
final class CaseRollupBatch: @unchecked Sendable {
    private let lock = NSLock()
    private var delta: [CaseRollupKey: Int] = [:]

    func merge(_ more: [CaseRollupKey: Int]) {
        lock.withLock { delta.merge(more, uniquingKeysWith: +) }
    }

    func take() -> [CaseRollupKey: Int] {
        lock.withLock {
            defer { delta = [:] }
            return delta
        }
    }
}

extension CaseRollupRepository {
    @TaskLocal static var batch: CaseRollupBatch?

    /// Runs `body` (one transaction's work on `db`) holding back its rollup changes, then writes them in
    /// one statement. Nested calls join the outer batch.
    public static func batching<T: Sendable>(in db: any SQLDatabase, _ body: () async throws -> T) async throws -> T {
        if batch != nil { return try await body() }
        let pending = CaseRollupBatch()
        let result = try await $batch.withValue(pending) { try await body() }
        try await CaseRollupRepository(db).write(pending.take())
        return result
    }
}
