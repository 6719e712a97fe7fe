import FengqiaoDomain
import FengqiaoStore
import Logging
import SQLKit

/// Inserts the case stream in large transactions while the next batch is being generated, so
/// generation and SQLite's writing overlap on two cores.
struct DemoCaseWriter {
    let database: any Database
    let logger: Logger

    /// Writes every chunk of `stream` and returns it drained (with its counters and sequences).
    func write(_ stream: DemoCaseStream, casesPerTransaction: Int) async throws -> DemoCaseStream {
        func produce(_ stream: DemoCaseStream) -> Task<(DemoCaseStream, DemoCaseStream.Chunk?), Never> {
            Task.detached {
                var stream = stream
                let chunk = stream.next(minimumCases: casesPerTransaction)
                return (stream, chunk)
            }
        }
        var pending = produce(stream)
        var written = 0, reported = 0
        while true {
            let (advanced, chunk) = await pending.value
            guard let chunk else { return advanced }
            pending = produce(advanced)
            try await database.write { db in
                try await db.insertRows(into: "cases", columns: DemoCaseStream.caseColumns, rows: chunk.cases)
                try await db.insertRows(into: "case_events", columns: DemoCaseStream.eventColumns, rows: chunk.events)
            }
            written += chunk.cases.count
            if written - reported >= 100_000 {
                reported = written
                logger.info("demo cases loading", metadata: ["cases": "\(written)"])
            }
        }
    }
}

extension DemoCaseStream {
    /// `case_daily_counts` rows for everything generated so far, in a stable order.
    func counterRows() -> [[any Encodable & Sendable]] {
        let days = context.calendar.days, villages = context.atlas.villages
        return counts.sorted { a, b in
            (a.key.day, a.key.village, a.key.kind, a.key.channel, a.key.state)
                < (b.key.day, b.key.village, b.key.kind, b.key.channel, b.key.state)
        }.map { key, count in
            [
                days[Int(key.day)].text, villages[Int(key.village)].code, CaseKind.allCases[Int(key.kind)].rawValue,
                Channel.allCases[Int(key.channel)].rawValue, CaseState.allCases[Int(key.state)].rawValue, Int64(count),
            ]
        }
    }
}
