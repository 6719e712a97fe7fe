import Foundation

/// What the follow-up of an agreement found, after validation.
public struct AgreementPerformanceUpdate: Sendable, Equatable {
    public var state: AgreementPerformance
    public var note: String?
    /// The day of the follow-up.
    public var day: CivilDate

    public init(state: AgreementPerformance, note: String?, day: CivilDate) {
        self.state = state
        self.note = note
        self.day = day
    }
}
