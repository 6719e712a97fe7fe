import FengqiaoDomain
import FengqiaoStore
import Foundation
import SQLKit

/// Turns clocks yellow at 80% of their limit and red past their deadline, and queues one
/// notification per turn. Looks only at clocks whose 80% point or deadline has passed (the
/// `(status, due_at)` index); each case in its own write transaction, and each row changes only if
/// no other instance changed it first, so several instances may scan at once.
public struct CaseClockScan: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// Scans up to `limit` cases; returns how many notifications were queued.
    @discardableResult
    public func run(limit: Int = 500) async throws -> Int {
        let now = Date(millisecondsSince1970: platform.clock.now().millisecondsSince1970)
        let calendar = try await platform.businessCalendar()
        let caseIds = try await platform.database.read { db in
            try await CaseClockRepository(db).casesNeedingScan(now: now.millisecondsSince1970, limit: limit)
        }
        var queued = 0
        for caseId in caseIds {
            queued += try await platform.database.write { db in
                guard let record = try await CaseEngineRepository(db).find(id: caseId),
                      let events = try? CaseEventCodec.events(try await CaseRepository(db).events(caseId: caseId))
                else { return 0 }
                return try await CaseClockBook.sync(
                    CaseClockBook.Subject(record, caseId: caseId), events: events, now: now, calendar: calendar,
                    promote: true, in: db)
            }
        }
        return queued
    }
}
