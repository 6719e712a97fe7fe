import Foundation

extension CaseEvent {
    /// What happened. Encoded as `{"<type>": {fields}}` where `<type>` is the stable code in
    /// `CodingKeys`; rename a case freely, never a code.
    public enum Payload: Sendable, Hashable, Codable {
        /// Area and grid codes and the tracking code as plain strings (`CaseEvent.reported` fills them).
        case reported(kind: CaseKind, channel: Channel, urgency: Urgency, areaCode: String, gridCode: String?,
                      trackingCode: String?)
        case accepted(acceptance: CaseAcceptance)
        case rejected(reason: String, noticeChannel: ContactChannel)
        case merged(into: Int64, previousState: CaseState)
        case split(restoredState: CaseState)
        case resolvedOnSite(result: String, evidence: [String])
        case dispatched(order: DispatchOrder)
        case signedFor(department: Int64, role: DepartmentRole)
        case returned(department: Int64, reason: String)
        case returnUpheld(department: Int64)
        case reassigned(order: DispatchOrder)
        case escalated(from: MediationTier, to: MediationTier, reason: String, automatic: Bool)
        case attemptRecorded(tier: MediationTier, number: Int, outcome: AttemptOutcome, note: String)
        case whistled(number: Int, departments: [Int64], checkInDue: Date)
        case checkedIn(whistle: Int, department: Int64, late: Bool)
        case extensionRequested(until: Date, reason: String)
        case extensionApproved(until: Date)
        case extensionDenied(reason: String)
        case progressAdded(note: String, isPublic: Bool)
        case partCompleted(department: Int64, result: String)
        case feedbackGiven(result: String, evidence: [String], waivedAssisting: [Int64])
        case verified(note: String?)
        case verificationFailed(reason: String)
        case closed(reply: String, channel: ContactChannel)
        case revisited(satisfaction: Satisfaction, channel: ContactChannel, reopened: Bool)
        case supervised(number: Int, kind: SupervisionKind, note: String, responseDue: Date?)
        case supervisionAnswered(number: Int, response: String)
        case withdrawn(reason: String)
        case archived

        /// The stable type codes, one per case.
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case reported
            case accepted
            case rejected
            case merged
            case split
            case resolvedOnSite = "resolved_on_site"
            case dispatched
            case signedFor = "signed_for"
            case returned
            case returnUpheld = "return_upheld"
            case reassigned
            case escalated
            case attemptRecorded = "attempt_recorded"
            case whistled
            case checkedIn = "checked_in"
            case extensionRequested = "extension_requested"
            case extensionApproved = "extension_approved"
            case extensionDenied = "extension_denied"
            case progressAdded = "progress_added"
            case partCompleted = "part_completed"
            case feedbackGiven = "feedback_given"
            case verified
            case verificationFailed = "verification_failed"
            case closed
            case revisited
            case supervised
            case supervisionAnswered = "supervision_answered"
            case withdrawn
            case archived
        }

        /// Every type code, for schema checks.
        public static var allTypes: [String] { CodingKeys.allCases.map(\.rawValue) }

        /// The stable type code stored in the database.
        public var type: String { key.rawValue }

        private var key: CodingKeys {
            switch self {
            case .reported: .reported
            case .accepted: .accepted
            case .rejected: .rejected
            case .merged: .merged
            case .split: .split
            case .resolvedOnSite: .resolvedOnSite
            case .dispatched: .dispatched
            case .signedFor: .signedFor
            case .returned: .returned
            case .returnUpheld: .returnUpheld
            case .reassigned: .reassigned
            case .escalated: .escalated
            case .attemptRecorded: .attemptRecorded
            case .whistled: .whistled
            case .checkedIn: .checkedIn
            case .extensionRequested: .extensionRequested
            case .extensionApproved: .extensionApproved
            case .extensionDenied: .extensionDenied
            case .progressAdded: .progressAdded
            case .partCompleted: .partCompleted
            case .feedbackGiven: .feedbackGiven
            case .verified: .verified
            case .verificationFailed: .verificationFailed
            case .closed: .closed
            case .revisited: .revisited
            case .supervised: .supervised
            case .supervisionAnswered: .supervisionAnswered
            case .withdrawn: .withdrawn
            case .archived: .archived
            }
        }
    }
}
