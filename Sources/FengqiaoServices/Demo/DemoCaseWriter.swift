import FengqiaoDomain
import FengqiaoStore
import Logging
import SQLKit

/// Inserts the case stream in three overlapping stages, so that they share the cores: while the
/// database writes one batch, the clocks of the next are computed (`Chunk.statements()`) and the one
/// after it is generated (in order: the stream's random draws depend on it).
struct DemoCaseWriter {
    let logger: Logger

    private typealias Generated = (stream: DemoCaseStream, chunk: DemoCaseStream.Chunk?)
    private typealias Finished = (statements: [String], cases: Int)

    /// Runs `first` (areas and base data) on `db` while the first batch is generated, then writes
    /// every batch of `stream`; returns the stream drained, with its counters and sequences. The
    /// caller holds the transaction.
    func write(
        _ stream: DemoCaseStream, after first: [String], casesPerChunk: Int, on db: any SQLDatabase
    ) async throws -> DemoCaseStream {
        @Sendable func generate(_ stream: DemoCaseStream) -> Task<Generated, any Error> {
            Task.detached {
                var stream = stream
                let chunk = stream.next(minimumCases: casesPerChunk)
                return (stream, chunk)
            }
        }
        @Sendable func finish(_ chunk: DemoCaseStream.Chunk) -> Task<Finished, any Error> {
            Task.detached {
                var chunk = chunk
                let cases = chunk.pending.count
                return (try chunk.statements(), cases)
            }
        }
        var generating = generate(stream)
        var finishing: Task<Finished, any Error>?
        do {
            try await db.run(demoStatements: first)
            var written = 0
            while true {
                let generated = try await generating.value
                let next = generated.chunk.map(finish)
                if generated.chunk != nil { generating = generate(generated.stream) }
                if let finishing {
                    let finished = try await finishing.value
                    try await db.run(demoStatements: finished.statements)
                    if (written + finished.cases) / 100_000 > written / 100_000 {
                        logger.info("demo cases loading", metadata: ["cases": "\(written + finished.cases)"])
                    }
                    written += finished.cases
                }
                guard let next else { return generated.stream }
                finishing = next
            }
        } catch {
            generating.cancel()
            finishing?.cancel()
            throw error
        }
    }
}
