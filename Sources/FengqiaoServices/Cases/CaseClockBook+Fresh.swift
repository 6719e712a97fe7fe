import FengqiaoDomain
import FengqiaoStore
import Foundation

extension CaseClockBook {
    /// The clocks of a case that has no `case_clocks` rows yet, as `sync(promote: true)` at `now` would
    /// insert them (in the order they were opened), with the case's `due_at` (earliest open deadline)
    /// and `clock_status` (worst open status, else `none`): for bulk loads that write rows themselves
    /// (the demo). No notification is queued, as `sync` queues none for rows it inserts.
    static func fresh(caseId: Int64, events: [CaseEvent], now: Date, calendar: BusinessCalendar)
        -> (clocks: [CaseClockRecord], dueAt: Int64?, status: String)
    {
        var records: [CaseClockRecord] = []
        var openDeadlines: [Int64] = []
        var worst: String?
        for clock in CaseClockPlan.clocks(for: events, calendar: calendar) {
            let record = record(clock, caseId: caseId, previous: nil, now: now, calendar: calendar, promote: true)
            if clock.stoppedAt == nil {
                openDeadlines.append(record.dueAt)
                if rank(record.status) > (worst.map(rank) ?? -1) { worst = record.status }
            }
            records.append(record)
        }
        return (records, openDeadlines.min(), worst ?? "none")
    }
}
