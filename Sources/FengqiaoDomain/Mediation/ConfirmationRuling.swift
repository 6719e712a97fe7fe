import Foundation

/// The court's ruling on an application for judicial confirmation, after validation.
public struct ConfirmationRuling: Sendable, Equatable {
    /// `.confirmed` or `.refused`.
    public var result: JudicialConfirmationState
    public var day: CivilDate
    public var note: String?

    public init(result: JudicialConfirmationState, day: CivilDate, note: String?) {
        self.result = result
        self.day = day
        self.note = note
    }
}
