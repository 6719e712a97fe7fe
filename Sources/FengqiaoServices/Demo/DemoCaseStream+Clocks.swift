import FengqiaoDomain
import FengqiaoStore
import Foundation

extension DemoCaseStream.Chunk {
    static let clockColumns = [
        "case_id", "kind", "department_id", "started_at", "stopped_at", "limit_unit", "limit_value", "due_at", "check_at",
        "paused_since", "paused_ms", "status",
    ]

    /// Every statement of the chunk, parents first: the cases with their clock columns, their events,
    /// assignments and clocks. The clocks are those the engine and the clock scan leave at the reference
    /// time (`CaseClockBook.fresh`); this pure, costly step runs apart from generation, which must stay
    /// in order for its random streams.
    mutating func statements() throws -> [String] {
        var cases = DemoSQLBuffer(table: "cases", columns: DemoCaseStream.caseColumns, rowsPerStatement: 250)
        var clocks = DemoSQLBuffer(table: "case_clocks", columns: Self.clockColumns, rowsPerStatement: 1_000)
        for pending in pending {
            let book = CaseClockBook.fresh(caseId: pending.id, events: pending.events, now: now, calendar: calendar,
                                           policy: DemoCaseLifecycle.policy)
            cases.beginRow()
            cases.add(pending.row)
            cases.add(book.dueAt)
            cases.add(book.status)
            cases.add(Self.satisfaction(pending.events))
            cases.add(book.records.contains { ["missed", "overdue"].contains($0.status) } ? 1 : 0)
            cases.endRow()
            for clock in book.records {
                clocks.beginRow()
                clocks.add(clock.caseId)
                clocks.add(clock.kind)
                clocks.add(clock.departmentId)
                clocks.add(clock.startedAt)
                clocks.add(clock.stoppedAt)
                clocks.add(clock.limitUnit)
                clocks.add(clock.limitValue)
                clocks.add(clock.dueAt)
                clocks.add(clock.checkAt)
                clocks.add(clock.pausedSince)
                clocks.add(clock.pausedMs)
                clocks.add(clock.status)
                clocks.endRow()
            }
        }
        pending = []
        return try cases.finish() + events.finish() + assignments.finish() + clocks.finish()
    }

    /// The latest revisit's rating (the projection's `satisfaction`).
    static func satisfaction(_ events: [CaseEvent]) -> String? {
        for event in events.reversed() {
            if case .revisited(let satisfaction, _, _) = event.payload { return satisfaction.rawValue }
        }
        return nil
    }
}
