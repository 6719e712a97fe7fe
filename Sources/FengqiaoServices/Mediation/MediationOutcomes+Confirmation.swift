import FengqiaoDomain
import FengqiaoStore
import Foundation

extension MediationOutcomes {
    /// Records that the application for judicial confirmation went to `submission.court` (司法确认申请
    /// 移交法院): only for a signed agreement, once, and only inside the 30-day window — after it the
    /// refusal names the window's last day.
    @discardableResult
    public func handOff(number: String, _ submission: ConfirmationHandOffSubmission, caller: Caller) async throws
        -> MediationOutcomeView
    {
        try await followUp(number: number, caller: caller) { before, today, calendar in
            let handOff = try submission.validate(
                signedOn: before.signedOn.flatMap(CivilDate.init),
                state: JudicialConfirmationState(rawValue: before.confirmationState) ?? .notRequested, today: today,
                calendar: calendar)
            var after = before
            after.confirmationState = JudicialConfirmationState.handedOff.rawValue
            after.confirmationCourt = handOff.court
            after.confirmationHandedOn = handOff.day.description
            return (after, "mediation_confirmation.hand_off", ["court": handOff.court, "day": handOff.day.description])
        }
    }

    /// Records the court's ruling on the application that was handed off: confirmed (the agreement can be
    /// enforced) or refused, with the day and a note (required for a refusal).
    @discardableResult
    public func recordRuling(number: String, _ submission: ConfirmationRulingSubmission, caller: Caller) async throws
        -> MediationOutcomeView
    {
        try await followUp(number: number, caller: caller) { before, today, _ in
            let ruling = try submission.validate(
                state: JudicialConfirmationState(rawValue: before.confirmationState) ?? .notRequested,
                handedOn: before.confirmationHandedOn.flatMap(CivilDate.init), today: today)
            var after = before
            after.confirmationState = ruling.result.rawValue
            after.confirmationRuledOn = ruling.day.description
            after.confirmationNote = ruling.note
            return (after, "mediation_confirmation.ruling",
                    ["result": ruling.result.rawValue, "day": ruling.day.description, "note": ruling.note ?? ""])
        }
    }
}
