import Foundation

/// The hand-off of a signed agreement to a court (司法确认申请移交法院): the court and the day
/// (today when left out).
public struct ConfirmationHandOffSubmission: Sendable, Codable, Equatable {
    public var court: String?
    public var day: String?

    public init(court: String? = nil, day: String? = nil) {
        self.court = court
        self.day = day
    }

    public static let courtLimit = 100

    /// Checks the fields and the agreement: it must be signed, not handed off yet, and the day must lie
    /// inside the 30-day window (`JudicialConfirmationWindow`); after it, the refusal names the last day.
    public func validate(
        signedOn: CivilDate?, state: JudicialConfirmationState, today: CivilDate, calendar: BusinessCalendar
    ) throws(DomainError) -> ConfirmationHandOff {
        guard let signedOn else {
            throw .conflict(code: "agreement_unsigned", message: "调解协议尚未上传签署文本,未生效,不能申请司法确认")
        }
        guard state == .notRequested else {
            throw .conflict(code: "confirmation_requested", message: "司法确认申请已移交法院(\(state.chineseName)),不能重复移交")
        }
        var errors: [FieldError] = []
        let court = InputRules.required(self.court, field: "court", label: "受理法院", max: Self.courtLimit, errors: &errors)
        let day = AgreementDay.parse(self.day, field: "day", label: "移交日期", today: today, earliest: signedOn,
                                     earliestName: "协议生效日期", defaultsToToday: true, errors: &errors)
        guard errors.isEmpty, let court, let day else { throw .validation(errors) }
        let lastDay = JudicialConfirmationWindow.lastDay(effectiveOn: signedOn, calendar: calendar)
        guard day <= lastDay else { throw Self.windowClosed(signedOn: signedOn, lastDay: lastDay) }
        return ConfirmationHandOff(court: court, day: day)
    }

    /// The refusal after the window: it names the day the agreement took effect and the last day.
    public static func windowClosed(signedOn: CivilDate, lastDay: CivilDate) -> DomainError {
        .conflict(code: "confirmation_window_closed",
                  message: "司法确认申请期限已于 \(lastDay) 届满(协议自 \(signedOn) 生效,应在三十日内申请),不能再移交法院")
    }
}
