import Foundation

/// The reminders that follow an agreement up (履行回访提醒), each sent once to whoever concluded the
/// mediation: before the performance deadline, the day after it while performance is still pending
/// (逾期未履行), and before the judicial-confirmation window closes while the signed agreement has not
/// gone to a court.
public enum AgreementReminder: String, Sendable, CaseIterable {
    case performanceDue, performanceOverdue, confirmationClosing

    public static let daysBeforeDeadline = 3
    public static let daysBeforeWindowCloses = 5
    /// An overdue reminder missed for this long (the jobs were stopped) is not sent any more.
    public static let overdueGrace = 30

    public var chineseName: String {
        switch self {
        case .performanceDue: "履行期限将至"
        case .performanceOverdue: "逾期未履行"
        case .confirmationClosing: "司法确认申请期限将届满"
        }
    }

    /// What an agreement looks like to the reminder plan.
    public struct Facts: Sendable, Equatable {
        public var performance: AgreementPerformance
        public var performanceDeadline: CivilDate
        public var concludedOn: CivilDate
        public var signedOn: CivilDate?
        public var confirmation: JudicialConfirmationState

        public init(performance: AgreementPerformance, performanceDeadline: CivilDate, concludedOn: CivilDate,
                    signedOn: CivilDate?, confirmation: JudicialConfirmationState) {
            self.performance = performance
            self.performanceDeadline = performanceDeadline
            self.concludedOn = concludedOn
            self.signedOn = signedOn
            self.confirmation = confirmation
        }
    }

    /// A reminder due now, with the day it is about (the deadline, or the window's last day).
    public struct Due: Sendable, Equatable {
        public var reminder: AgreementReminder
        public var about: CivilDate
    }

    /// The reminders due for `facts` on `today`. A reminder is due from its day on while its condition
    /// holds, so a scan that missed the day still sends it; the outbox's de-duplication key (agreement,
    /// reminder, day) makes it exactly-once. A deadline closer than three days when the agreement was
    /// reached gets no "due" reminder (the parties heard it at signing).
    public static func due(_ facts: Facts, today: CivilDate, calendar: BusinessCalendar) -> [Due] {
        var due: [Due] = []
        let deadline = facts.performanceDeadline
        if facts.performance == .pending {
            let from = deadline.adding(days: -daysBeforeDeadline)
            if today >= from, today <= deadline, facts.concludedOn <= from {
                due.append(Due(reminder: .performanceDue, about: deadline))
            }
            if today > deadline, today.dayNumber <= deadline.dayNumber + overdueGrace {
                due.append(Due(reminder: .performanceOverdue, about: deadline))
            }
        }
        if let signedOn = facts.signedOn, facts.confirmation == .notRequested {
            let lastDay = JudicialConfirmationWindow.lastDay(effectiveOn: signedOn, calendar: calendar)
            if today >= lastDay.adding(days: -daysBeforeWindowCloses), today <= lastDay {
                due.append(Due(reminder: .confirmationClosing, about: lastDay))
            }
        }
        return due
    }
}
