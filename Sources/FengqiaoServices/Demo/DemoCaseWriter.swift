import FengqiaoDomain
import FengqiaoStore
import Logging
import SQLKit

/// Inserts the case stream in large transactions while the next batch is being generated, so
/// generation and the database's writing overlap on two cores.
struct DemoCaseWriter {
    let database: any Database
    let logger: Logger

    private typealias Produced = (stream: DemoCaseStream, statements: [String]?, cases: Int)

    /// Writes `first` (the base data) while the first batch is generated, then every batch of `stream`,
    /// `casesPerTransaction` cases to a transaction; returns the stream drained (with its counters and
    /// sequences).
    func write(
        _ stream: DemoCaseStream, after first: [String], casesPerChunk: Int, casesPerTransaction: Int
    ) async throws -> DemoCaseStream {
        @Sendable func produce(_ stream: DemoCaseStream) -> Task<Produced, any Error> {
            Task.detached {
                var stream = stream
                guard var chunk = stream.next(minimumCases: casesPerChunk) else { return (stream, nil, 0) }
                let statements = try chunk.cases.finish() + chunk.events.finish()
                return (stream, statements, chunk.cases.rowCount)
            }
        }
        var pending = produce(stream)
        try await database.write { db in try await db.run(demoStatements: first) }
        var written = 0, reported = 0
        while true {
            let current = pending
            let (next, finished, cases) = try await database.write { db -> (Task<Produced, any Error>, DemoCaseStream?, Int) in
                var pending = current, cases = 0
                while cases < casesPerTransaction {
                    let produced = try await pending.value
                    guard let statements = produced.statements else { return (pending, produced.stream, cases) }
                    pending = produce(produced.stream)
                    try await db.run(demoStatements: statements)
                    cases += produced.cases
                }
                return (pending, nil, cases)
            }
            written += cases
            if written - reported >= 100_000 {
                reported = written
                logger.info("demo cases loading", metadata: ["cases": "\(written)"])
            }
            if let finished { return finished }
            pending = next
        }
    }
}

extension SQLDatabase {
    /// Runs the statements a `DemoSQLBuffer` produced, in order.
    func run(demoStatements statements: [String]) async throws {
        for statement in statements {
            try await raw(SQLQueryString(statement)).run()
        }
    }
}

extension DemoCaseStream {
    /// `case_daily_counts` inserts for everything generated so far, in a stable order.
    func counterStatements() throws -> (statements: [String], rows: Int) {
        let days = context.calendar.days, villages = context.atlas.villages
        var buffer = DemoSQLBuffer(table: "case_daily_counts", columns: ["day", "area_code", "kind", "channel", "state", "count"])
        let sorted = counts.sorted { a, b in
            (a.key.day, a.key.village, a.key.kind, a.key.channel, a.key.state)
                < (b.key.day, b.key.village, b.key.kind, b.key.channel, b.key.state)
        }
        for (key, count) in sorted {
            buffer.beginRow()
            buffer.add(days[Int(key.day)].text)
            buffer.add(villages[Int(key.village)].code)
            buffer.add(CaseKind.allCases[Int(key.kind)].rawValue)
            buffer.add(Channel.allCases[Int(key.channel)].rawValue)
            buffer.add(CaseState.allCases[Int(key.state)].rawValue)
            buffer.add(count)
            buffer.endRow()
        }
        return (try buffer.finish(), buffer.rowCount)
    }
}
