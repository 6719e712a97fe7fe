import Foundation

/// An agreement the reminder scan looks at, with what the reminders need of its mediation.
public struct MediationFollowUpRow: Sendable, Equatable {
    public var agreement: MediationAgreementRecord
    public var mediationNumber: String
    public var caseId: Int64
    public var concludedByAccount: Int64?
}
