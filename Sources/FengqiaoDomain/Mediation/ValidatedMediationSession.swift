import Foundation

/// A session that passed validation: held (with `outcome`) or planned (without).
public struct ValidatedMediationSession: Sendable, Equatable {
    public var at: Date
    public var place: String
    public var attendees: String
    public var notes: String?
    public var outcome: AttemptOutcome?

    public var isHeld: Bool { outcome != nil }
}
