import Foundation

/// The follow-up of an agreement's performance (履行回访) as the mediator records it: performed,
/// partly performed or defaulted, with a note (required unless it was performed) and the day.
public struct AgreementPerformanceSubmission: Sendable, Codable, Equatable {
    public var state: String?
    public var note: String?
    public var day: String?

    public init(state: String? = nil, note: String? = nil, day: String? = nil) {
        self.state = state
        self.note = note
        self.day = day
    }

    public static let noteLimit = 1000

    /// Checks every field; the day defaults to `today` and lies between the agreement and today.
    public func validate(concludedOn: CivilDate, today: CivilDate) throws(DomainError) -> AgreementPerformanceUpdate {
        var errors: [FieldError] = []
        var state: AgreementPerformance?
        if let raw = InputRules.text(self.state) {
            state = AgreementPerformance(named: raw)
            if state == nil || state == .pending {
                state = nil
                errors.append(FieldError(field: "state", code: "unknown", message: "履行情况应为已履行、部分履行或未履行"))
            }
        } else {
            errors.append(.required("state", label: "履行情况"))
        }
        var note: String?
        if state == .partlyPerformed || state == .defaulted {
            note = InputRules.required(self.note, field: "note", label: "履行情况说明", max: Self.noteLimit, errors: &errors)
        } else if let raw = InputRules.text(self.note) {
            if raw.count > Self.noteLimit {
                errors.append(.tooLong("note", label: "履行情况说明", max: Self.noteLimit))
            } else {
                note = raw
            }
        }
        let day = AgreementDay.parse(self.day, field: "day", label: "回访日期", today: today, earliest: concludedOn,
                                     earliestName: "协议日期", defaultsToToday: true, errors: &errors)
        guard errors.isEmpty, let state, let day else { throw .validation(errors) }
        return AgreementPerformanceUpdate(state: state, note: note, day: day)
    }
}
