import FengqiaoDomain
import FengqiaoStore
import Foundation

extension DemoCaseLifecycle {
    /// How a proposed step went.
    enum Step {
        /// The workflow produced events and they were recorded.
        case done
        /// The step would fall at or after the reference time (or the case stalls here): nothing recorded.
        case later
        /// The workflow refused the command: nothing recorded.
        case refused
    }

    /// The history so far, replayed into a snapshot, and the clock: a step happens only if it falls
    /// before the reference time and `CaseWorkflow.decide` accepts it.
    struct Path {
        let caseId: Int64
        let nowMs: Int64
        let channel: Channel
        var at: Int64
        var snapshot: CaseSnapshot?
        /// When the current dispatch was made and when the lead last reported its result.
        var dispatchedAt: Int64?
        var feedbackAt: Int64?
        var outcome = Outcome()

        init(caseId: Int64, nowMs: Int64, channel: Channel, at: Int64) {
            self.caseId = caseId
            self.nowMs = nowMs
            self.channel = channel
            self.at = at
            outcome.updatedAt = at
        }

        /// The case's state so far (`reported` before the first event).
        var state: CaseState { snapshot?.state ?? .reported }

        /// Records the `reported` event that opens the history.
        mutating func report(_ event: CaseEvent, into events: inout DemoSQLBuffer) -> Bool {
            record([event], into: &events)
        }

        /// Decides `command` by `actor` `after` milliseconds (at least a minute) from the last event and
        /// records the events; staff act in office hours.
        mutating func step(
            _ command: CaseCommand, by actor: CaseActor?, after: Double, into events: inout DemoSQLBuffer
        ) -> Step {
            step({ _ in command }, by: actor, after: after, into: &events)
        }

        /// `step` with a command that depends on its time in milliseconds (a dispatch's deadlines).
        mutating func step(
            _ command: (Int64) -> CaseCommand, by actor: CaseActor?, after: Double, into events: inout DemoSQLBuffer
        ) -> Step {
            guard let actor, let snapshot else { return .refused }
            var next = at + max(60_000, Int64(min(after, 400 * 86_400_000)))
            if case .staff = actor { next = Self.officeHours(next) }
            guard next < nowMs else { return .later }
            let when = Date(millisecondsSince1970: next)
            guard case .success(let decided) = CaseWorkflow.decide(snapshot, command(next), by: actor, at: when),
                !decided.isEmpty
            else { return .refused }
            at = next
            return record(decided, into: &events) ? .done : .refused
        }

        /// Appends the rows of `decided` (encoded by `CaseEventCodec`) and moves the snapshot on.
        private mutating func record(_ decided: [CaseEvent], into events: inout DemoSQLBuffer) -> Bool {
            var current = snapshot
            for event in decided {
                guard let next = current.map({ $0.applying(CollectionOfOne(event)) }) ?? CaseSnapshot(reported: event),
                    let row = try? CaseEventCodec.record(
                        event, caseId: caseId, from: current?.state, to: next.state, channel: channel)
                else { return false }
                events.beginRow()
                events.add(caseId)
                events.add(row.type)
                events.add(row.fromState)
                events.add(row.toState)
                events.add(row.actor)
                events.add(row.payload)
                events.add(row.at)
                events.endRow()
                switch event.payload {
                case .dispatched, .reassigned: dispatchedAt = row.at
                case .feedbackGiven, .resolvedOnSite: feedbackAt = row.at
                default: break
                }
                current = next
                outcome.events.append(event)
                outcome.updatedAt = row.at
            }
            snapshot = current
            outcome.state = current?.state ?? .reported
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
