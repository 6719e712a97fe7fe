import FengqiaoDomain
import Foundation

/// What a dispatch order or a 吹哨 gets unless the dispatcher sets it: the handling deadline of the
/// case's SLA preset on the business calendar, two working hours to return the case, and the check-in
/// deadline of summoned departments.
enum CaseDispatchDefaults {
    /// The handling deadline of preset `slaPreset` (a `SLACategory` code; else the hotline preset) at
    /// `urgency`, counted from `now`.
    static func deadline(slaPreset: String?, urgency: Urgency, from now: Date, calendar: BusinessCalendar) -> Date {
        let category = slaPreset.flatMap(SLACategory.init(rawValue:)) ?? .hotline
        let limit = SLAPreset.for(kind: .handling, category: category, urgency: urgency) ?? .workingDays(15)
        return calendar.deadline(adding: limit, from: now)
    }

    /// Until when the lead department may return the case.
    static func returnWindowEnds(from now: Date, calendar: BusinessCalendar) -> Date {
        calendar.deadline(adding: .workingHours(2), from: now)
    }

    /// When summoned departments must check in (报到): within 30 minutes when urgent, else one working day.
    static func checkInDue(urgency: Urgency, from now: Date, calendar: BusinessCalendar) -> Date {
        urgency == .normal ? calendar.deadline(adding: .workingDays(1), from: now) : now.addingTimeInterval(30 * 60)
    }
}
