import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Keeps a case's `case_clocks` rows and its `cases.due_at` / `cases.clock_status` equal to the clocks
/// its events give (`CaseClockPlan`), inside the caller's write transaction.
///
/// Colours only get worse through the clock scan (`promote`), so that each turn to yellow or red
/// queues exactly one notification; the engine keeps a row's colour unless the clock is greener now
/// (an approved extension).
public enum CaseClockBook {
    /// The case a clock belongs to, for notifications.
    public struct Subject: Sendable {
        public var caseId: Int64
        public var number: String
        /// The grid (or area) answering for whole-case clocks.
        public var location: String

        public init(caseId: Int64, number: String, location: String) {
            self.caseId = caseId
            self.number = number
            self.location = location
        }

        init(_ record: CaseRecord, caseId: Int64) {
            self.init(caseId: caseId, number: record.number, location: record.gridCode ?? record.areaCode)
        }
    }

    /// Writes the clocks of `subject` as of `now`; returns how many notifications were queued.
    @discardableResult
    public static func sync(
        _ subject: Subject, events: [CaseEvent], now: Date, calendar: BusinessCalendar, policy: CasePolicy,
        promote: Bool, in db: any SQLDatabase
    ) async throws -> Int {
        let repository = CaseClockRepository(db)
        let outbox = NotificationOutboxRepository(db)
        var rows = try await repository.clocks(caseId: subject.caseId)
        // A case opened for a petition follows the 信访 preset before its acceptance too.
        let category: SLACategory? = try await PetitionRepository(db).isPetitionCase(subject.caseId) ? .petition : nil
        let clocks = CaseClockPlan.clocks(for: events, calendar: calendar, policy: policy, category: category)
        // Rows pair with clocks by position; from the first that is not the same clock (rows written
        // before the plan knew a kind of clock), the rows are written afresh. Rows beyond the clocks
        // (written by a transaction that saw more events) are left alone.
        let paired = min(rows.count, clocks.count)
        if let first = (0..<paired).first(where: { !same(rows[$0], clocks[$0]) }), let id = rows[first].id {
            try await repository.delete(caseId: subject.caseId, fromId: id)
            rows.removeSubrange(first...)
        }
        let nowMs = now.millisecondsSince1970
        var queued = 0
        let book = records(for: clocks, caseId: subject.caseId, previous: rows.map(\.status), now: now, calendar: calendar,
                           promote: promote)
        for (index, (clock, record)) in zip(clocks, book.records).enumerated() {
            let old = index < rows.count ? rows[index] : nil
            guard let old, let id = old.id else {
                try await repository.insert(record)
                continue
            }
            var candidate = record
            candidate.id = id
            // A stopped clock's row is final (a later change of policy does not rewrite its outcome).
            guard candidate != old, old.stoppedAt == nil || old.stoppedAt != record.stoppedAt else { continue }
            let won = try await repository.update(id: id, expectedStatus: old.status, to: record)
            if won, promote, clock.stoppedAt == nil, rank(record.status) > rank(old.status), rank(record.status) > 0 {
                let message = Message(case: subject.number, clock: clock.kind.rawValue, clockName: clock.kind.chineseName,
                                      department: clock.owner.departmentID, status: record.status, dueAt: record.dueAt)
                let payload = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
                if try await outbox.enqueue(dedupeKey: "clock:\(id):\(record.status)", channel: "app",
                                            recipient: recipient(clock.owner, subject), caseId: subject.caseId,
                                            payload: payload, at: nowMs)
                {
                    queued += 1
                }
            }
        }
        try await repository.setCaseClock(caseId: subject.caseId, dueAt: book.dueAt, status: book.status)
        return queued
    }

    /// The rows for `clocks` as of `now` (clock `i` keeping the colour `previous[i]` unless `promote`), with
    /// the case's `due_at` (earliest open deadline) and `clock_status` (worst open status, else `none`).
    static func records(
        for clocks: [StageClock], caseId: Int64, previous: [String], now: Date, calendar: BusinessCalendar, promote: Bool
    ) -> (records: [CaseClockRecord], dueAt: Int64?, status: String) {
        var records: [CaseClockRecord] = []
        var openDeadlines: [Int64] = []
        var worst: String?
        for (index, clock) in clocks.enumerated() {
            let record = record(clock, caseId: caseId, previous: index < previous.count ? previous[index] : nil, now: now,
                                calendar: calendar, promote: promote)
            if clock.stoppedAt == nil {
                openDeadlines.append(record.dueAt)
                if rank(record.status) > (worst.map(rank) ?? -1) { worst = record.status }
            }
            records.append(record)
        }
        return (records, openDeadlines.min(), worst ?? "none")
    }

    /// Whether row `row` was written for `clock`: the same kind, department and start.
    static func same(_ row: CaseClockRecord, _ clock: StageClock) -> Bool {
        row.kind == clock.kind.rawValue && row.departmentId == clock.owner.departmentID
            && row.startedAt == clock.startedAt.millisecondsSince1970
    }

    /// The row for `clock` as of `now` (see `CaseClockRecord.checkAt`).
    static func record(
        _ clock: StageClock, caseId: Int64, previous: String?, now: Date, calendar: BusinessCalendar, promote: Bool
    ) -> CaseClockRecord {
        let limit = clock.effectiveLimit
        let (unit, value) = (limit.unit.rawValue, min(limit.amount, Int(Int32.max)))
        let closedPauses = clock.pauses.compactMap { p in p.end.map { $0.millisecondsSince1970 - p.start.millisecondsSince1970 } }
        var status: String
        let dueAt = clock.deadline(at: now, calendar: calendar).millisecondsSince1970
        var checkAt = dueAt
        switch clock.status(at: now, calendar: calendar) {
        case .stopped(let onTime):
            status = onTime ? "met" : "missed"
        case .running: status = "running"
        case .warning: status = "warning"
        case .overdue: status = "overdue"
        }
        if clock.stoppedAt == nil {
            let kept = previous.flatMap { rank($0) >= 0 ? $0 : nil } ?? "running"
            if !promote && rank(status) > rank(kept) { status = kept }
            if status == "running", clock.openPause == nil {
                checkAt = warningPoint(clock, now: now, calendar: calendar).millisecondsSince1970
            }
        }
        return CaseClockRecord(
            caseId: caseId, kind: clock.kind.rawValue, departmentId: clock.owner.departmentID,
            startedAt: clock.startedAt.millisecondsSince1970, stoppedAt: clock.stoppedAt?.millisecondsSince1970,
            limitUnit: unit, limitValue: value, dueAt: dueAt, checkAt: checkAt,
            pausedSince: clock.openPause?.start.millisecondsSince1970, pausedMs: closedPauses.reduce(0, +),
            status: status)
    }

    /// The instant the clock reaches 80% of its budget (now, if it already has).
    static func warningPoint(_ clock: StageClock, now: Date, calendar: BusinessCalendar) -> Date {
        let budget = clock.budget(calendar: calendar)
        let target = (budget * Double(ClockStatus.warningNumerator) / Double(ClockStatus.warningDenominator)).rounded(.up)
        let remaining = target - clock.elapsed(at: now, calendar: calendar)
        guard remaining > 0 else { return now }
        return clock.countsWorkingTime
            ? calendar.addingWorkingTime(remaining, to: now) : now.addingTimeInterval(remaining)
    }

    /// running < warning < overdue; stopped and unknown statuses rank -1.
    static func rank(_ status: String) -> Int {
        switch status {
        case "running": 0
        case "warning": 1
        case "overdue": 2
        default: -1
        }
    }

    /// Who answers for the clock: its department, else the case's grid (or area).
    static func recipient(_ owner: ClockOwner, _ subject: Subject) -> String {
        if let id = owner.departmentID { return "department:\(id)" }
        return "grid:\(subject.location)"
    }

    struct Message: Encodable {
        var `case`: String
        var clock: String
        var clockName: String
        /// The department whose clock it is (a summoned department's missed check-in), nil for the case's.
        var department: Int64?
        var status: String
        var dueAt: Int64
    }
}
