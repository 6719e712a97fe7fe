import Foundation

extension MediationOutcome {
    /// The state a mediation ends in with this outcome.
    public var caseState: MediationCaseState {
        switch self {
        case .succeeded: .succeeded
        case .partial: .partial
        case .failed: .failed
        }
    }
}
