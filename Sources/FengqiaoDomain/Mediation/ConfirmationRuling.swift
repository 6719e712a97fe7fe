import Foundation

/// The court's ruling on an application for judicial confirmation, after validation.
public struct ConfirmationRuling: Sendable, Equatable {
    /// `.confirmed` or `.refused`.
    public var result: JudicialConfirmationState
    public var day: CivilDate
    public var note: String?
}
