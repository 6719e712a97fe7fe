import Foundation

/// How a mediation ended (`mediation_conclusions`, one per ended mediation).
public struct MediationConclusionRecord: Sendable, Codable, Equatable {
    public var mediationId: Int64
    /// A `MediationOutcome` raw value.
    public var outcome: String
    /// A `MediationFailureRoute` raw value: where what is left goes next.
    public var route: String?
    public var note: String?
    /// The username, and the account the follow-up reminders go to.
    public var concludedBy: String
    public var concludedByAccount: Int64?
    public var concludedAt: Int64

    public init(mediationId: Int64, outcome: String, route: String?, note: String?, concludedBy: String,
                concludedByAccount: Int64?, concludedAt: Int64) {
        self.mediationId = mediationId
        self.outcome = outcome
        self.route = route
        self.note = note
        self.concludedBy = concludedBy
        self.concludedByAccount = concludedByAccount
        self.concludedAt = concludedAt
    }
}
