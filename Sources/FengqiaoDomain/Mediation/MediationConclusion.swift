import Foundation

/// The end of a mediation that passed validation: an agreement (all or part of the dispute), and for
/// what is left unsettled the route it takes next.
public struct MediationConclusion: Sendable, Equatable {
    public var outcome: MediationOutcome
    /// Present when the mediation succeeded or partly succeeded.
    public var agreement: MediationAgreement?
    /// Present when something is left unsettled (partial, failed).
    public var route: MediationFailureRoute?
    /// Why it failed, or what is left (for partial and failed); optional on success.
    public var note: String?
}
