import FengqiaoDomain

extension DemoCaseLifecycle {
    /// The events so far and the clock: a step happens only if it falls before the reference time.
    struct Path {
        let caseId: Int64
        let nowMs: Int64
        var at: Int64
        var outcome = Outcome()

        init(caseId: Int64, nowMs: Int64, at: Int64) {
            self.caseId = caseId
            self.nowMs = nowMs
            self.at = at
            outcome.updatedAt = at
        }

        mutating func record(
            _ type: String, _ from: CaseState?, _ to: CaseState, _ actor: String, _ payload: String,
            into events: inout DemoSQLBuffer
        ) {
            events.beginRow()
            events.add(caseId)
            events.add(type)
            events.add(from?.rawValue)
            events.add(to.rawValue)
            events.add(actor)
            events.add(payload)
            events.add(at)
            events.endRow()
            outcome.events += 1
            outcome.state = to
            outcome.updatedAt = at
        }

        /// Appends the event `after` milliseconds (at least a minute) from the last one; false when
        /// that would be at or after the reference time.
        mutating func step(
            _ type: String, to state: CaseState, by actor: String, after: Double, _ payload: String,
            into events: inout DemoSQLBuffer
        ) -> Bool {
            var next = at + max(60_000, Int64(min(after, 400 * 86_400_000)))
            if actor.hasPrefix("account:") { next = Self.officeHours(next) }
            guard next < nowMs else { return false }
            at = next
            record(type, outcome.state, state, actor, payload, into: &events)
            return true
        }

        /// Staff act between 8:00 and 20:00 Beijing time: later work moves to the next morning.
        static func officeHours(_ ms: Int64) -> Int64 {
            let day = DemoCaseCalendar.dayMs
            let hour: Int64 = 3_600_000
            let local = ms + DemoCaseCalendar.beijingOffsetMs
            let timeOfDay = ((local % day) + day) % day
            guard timeOfDay < 8 * hour || timeOfDay >= 20 * hour else { return ms }
            let morning = ms - timeOfDay + 8 * hour + (timeOfDay >= 20 * hour ? day : 0)
            return morning + ms % (90 * 60_000)  // spread over the first hour and a half
        }
    }
}
