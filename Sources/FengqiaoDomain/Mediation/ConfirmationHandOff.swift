import Foundation

/// The hand-off of an agreement to a court for judicial confirmation, after validation.
public struct ConfirmationHandOff: Sendable, Equatable {
    /// The court the application went to (e.g. 九原区人民法院).
    public var court: String
    public var day: CivilDate

    public init(court: String, day: CivilDate) {
        self.court = court
        self.day = day
    }
}
