import Foundation

/// What a finding does to the warnings of its subject: the same situation never raises a second warning.
/// - While a warning of the subject is open, new cases join it and a higher level raises it; nothing else changes.
/// - With none open, it raises a new warning unless every case it names was already in a closed one (a situation
///   dealt with does not come back by itself; a new case in it does).
public enum RiskWarningDecision: Sendable, Equatable {
    case raise
    case update(addedCases: [Int64], raisedTo: RiskLevel?)
    case nothing

    public static func decide(
        _ finding: RiskFinding, open: (level: RiskLevel, caseIds: Set<Int64>)?, closedCaseIds: Set<Int64>
    ) -> RiskWarningDecision {
        if let open {
            let added = finding.caseIds.filter { !open.caseIds.contains($0) }
            let raised = finding.level > open.level ? finding.level : nil
            return added.isEmpty && raised == nil ? .nothing : .update(addedCases: added, raisedTo: raised)
        }
        return finding.caseIds.allSatisfy(closedCaseIds.contains) ? .nothing : .raise
    }
}
