import Foundation

/// The time the parties have to ask a court to confirm their agreement: 《人民调解法》第三十三条, within
/// 30 days from the day the agreement takes effect. The days are calendar days, counted from the day
/// after it took effect; when the last one is a rest day or a holiday, the window ends on the next
/// working day (《民事诉讼法》第八十五条), so the engine's business calendar, 调休 included, decides it.
public enum JudicialConfirmationWindow {
    public static let days = 30

    /// The last day an application can be made for an agreement effective on `effectiveOn`.
    public static func lastDay(effectiveOn: CivilDate, calendar: BusinessCalendar) -> CivilDate {
        let nominal = CivilDate(dayNumber: effectiveOn.dayNumber + days)
        return calendar.isWorkingDay(nominal) ? nominal : calendar.nextWorkingDay(after: nominal)
    }

    /// Whether `today` is still inside the window.
    public static func isOpen(effectiveOn: CivilDate, today: CivilDate, calendar: BusinessCalendar) -> Bool {
        today >= effectiveOn && today <= lastDay(effectiveOn: effectiveOn, calendar: calendar)
    }
}
