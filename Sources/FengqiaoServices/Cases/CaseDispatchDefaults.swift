import FengqiaoDomain
import Foundation

/// What a dispatch order or a 吹哨 gets unless the dispatcher sets it: the handling deadline of the
/// case's SLA preset on the business calendar, the policy's window to return the case, and the
/// policy's check-in deadline for summoned departments. The engine and the demo generator both use it.
enum CaseDispatchDefaults {
    /// The handling deadline of `preset`, counted from `now`.
    static func deadline(preset: SLAPreset, from now: Date, calendar: BusinessCalendar) -> Date {
        calendar.deadline(adding: preset.limit(for: .handling) ?? .workingDays(15), from: now)
    }

    /// Until when the lead department may return the case.
    static func returnWindowEnds(from now: Date, calendar: BusinessCalendar, policy: CasePolicy) -> Date {
        calendar.deadline(adding: policy.returnWindow, from: now)
    }

    /// When summoned departments must check in (报到).
    static func checkInDue(urgency: Urgency, from now: Date, calendar: BusinessCalendar, policy: CasePolicy) -> Date {
        calendar.deadline(adding: policy.checkInLimit(for: urgency), from: now)
    }
}
