import FengqiaoDomain
import FengqiaoStore
import Logging
import SQLKit

/// Inserts the case stream while the next batch is being generated, so generation and the
/// database's writing overlap on two cores.
struct DemoCaseWriter {
    let logger: Logger

    private typealias Produced = (stream: DemoCaseStream, statements: [String]?, cases: Int)

    /// Runs `first` (areas and base data) on `db` while the first batch is generated, then writes
    /// every batch of `stream`; returns the stream drained, with its counters and sequences. The
    /// caller holds the transaction.
    func write(
        _ stream: DemoCaseStream, after first: [String], casesPerChunk: Int, on db: any SQLDatabase
    ) async throws -> DemoCaseStream {
        @Sendable func produce(_ stream: DemoCaseStream) -> Task<Produced, any Error> {
            Task.detached {
                var stream = stream
                guard var chunk = stream.next(minimumCases: casesPerChunk) else { return (stream, nil, 0) }
                let statements = try chunk.cases.finish() + chunk.events.finish() + chunk.assignments.finish()
                return (stream, statements, chunk.cases.rowCount)
            }
        }
        var pending = produce(stream)
        do {
            try await db.run(demoStatements: first)
            var written = 0
            while true {
                let produced = try await pending.value
                guard let statements = produced.statements else { return produced.stream }
                pending = produce(produced.stream)
                try await db.run(demoStatements: statements)
                if (written + produced.cases) / 100_000 > written / 100_000 {
                    logger.info("demo cases loading", metadata: ["cases": "\(written + produced.cases)"])
                }
                written += produced.cases
            }
        } catch {
            pending.cancel()
            throw error
        }
    }
}
