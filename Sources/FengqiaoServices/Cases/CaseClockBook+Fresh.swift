import FengqiaoDomain
import FengqiaoStore
import Foundation

extension CaseClockBook {
    /// The clocks of a case that has no `case_clocks` rows yet, as `sync(promote: true)` at `now` would
    /// insert them (in the order they were opened), with the case's `due_at` (earliest open deadline)
    /// and `clock_status` (worst open status, else `none`): for bulk loads that write rows themselves
    /// (the demo). No notification is queued, as `sync` queues none for rows it inserts.
    static func fresh(caseId: Int64, events: [CaseEvent], now: Date, calendar: BusinessCalendar, policy: CasePolicy)
        -> (records: [CaseClockRecord], dueAt: Int64?, status: String)
    {
        records(for: CaseClockPlan.clocks(for: events, calendar: calendar, policy: policy), caseId: caseId, previous: [],
                now: now, calendar: calendar, promote: true)
    }
}
