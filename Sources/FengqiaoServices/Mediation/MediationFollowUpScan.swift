import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Queues the reminders that follow agreements up (`AgreementReminder`): before the performance
/// deadline, the day after it while performance is pending, and before the judicial-confirmation
/// window of a signed agreement closes. Each goes to the in-app inbox of whoever concluded the
/// mediation; its de-duplication key (agreement, reminder, day) makes it exactly-once however often
/// and on however many instances the scan runs.
public struct MediationFollowUpScan: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    struct Reminder: Encodable {
        var title: String
        var body: String
        var mediation: String
    }

    /// Scans up to `limit` agreements; returns how many reminders this run queued.
    @discardableResult
    public func run(limit: Int = 1000) async throws -> Int {
        let nowMs = platform.clock.now().millisecondsSince1970
        let today = CivilDate(containing: Date(millisecondsSince1970: nowMs))
        let calendar = try await platform.businessCalendar()
        let rows = try await platform.database.read { db in
            try await MediationOutcomeRepository(db).followUps(
                dueBy: today.adding(days: AgreementReminder.daysBeforeDeadline).description,
                overdueSince: today.adding(days: -(AgreementReminder.overdueGrace + 1)).description,
                // The window is 30 days, longer only by a holiday at its end.
                signedSince: today.adding(days: -60).description, limit: limit)
        }
        var messages: [(key: String, recipient: String, caseId: Int64, payload: String)] = []
        for row in rows {
            let a = row.agreement
            guard let account = row.concludedByAccount, let id = a.id, let deadline = CivilDate(a.performanceDeadline),
                  let concludedOn = CivilDate(a.concludedOn)
            else { continue }
            let facts = AgreementReminder.Facts(
                performance: AgreementPerformance(rawValue: a.performanceState) ?? .pending, performanceDeadline: deadline,
                concludedOn: concludedOn, signedOn: a.signedOn.flatMap(CivilDate.init),
                confirmation: JudicialConfirmationState(rawValue: a.confirmationState) ?? .notRequested)
            for due in AgreementReminder.due(facts, today: today, calendar: calendar) {
                let reminder = Self.reminder(due, mediation: row.mediationNumber, signedOn: facts.signedOn)
                messages.append(("mediation-reminder:\(id):\(due.reminder.rawValue):\(due.about)", "account:\(account)",
                                 row.caseId, String(decoding: try JSONEncoder().encode(reminder), as: UTF8.self)))
            }
        }
        guard !messages.isEmpty else { return 0 }
        let queue = messages
        return try await platform.database.write { db in
            let outbox = NotificationOutboxRepository(db)
            var queued = 0
            for message in queue
            where try await outbox.enqueue(dedupeKey: message.key, channel: NotificationChannel.app.rawValue,
                                           recipient: message.recipient, caseId: message.caseId, payload: message.payload,
                                           at: nowMs)
            {
                queued += 1
            }
            return queued
        }
    }

    static func reminder(_ due: AgreementReminder.Due, mediation number: String, signedOn: CivilDate?) -> Reminder {
        switch due.reminder {
        case .performanceDue:
            Reminder(title: "调解协议履行期限将至:\(number)",
                     body: "调解案件\(number)的调解协议约定于 \(due.about) 前履行完毕,请提醒当事人按期履行,并回访记录履行情况。",
                     mediation: number)
        case .performanceOverdue:
            Reminder(title: "调解协议逾期未履行:\(number)",
                     body: "调解案件\(number)的调解协议履行期限(\(due.about))已过,尚未记录履行情况,请回访当事人并记录履行情况。",
                     mediation: number)
        case .confirmationClosing:
            Reminder(title: "司法确认申请期限将届满:\(number)",
                     body: "调解案件\(number)的调解协议自 \(signedOn?.description ?? "") 生效,申请司法确认的期限将于 \(due.about) 届满;"
                         + "当事人需要司法确认的,请尽快移交法院。",
                     mediation: number)
        }
    }
}
