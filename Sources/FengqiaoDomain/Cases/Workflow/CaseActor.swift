import Foundation

/// Who issues a command to a case.
public enum CaseActor: Sendable, Hashable {
    /// A signed-in member of staff: role permissions, jurisdiction, department (for department staff).
    /// Machine principals (API tokens) are refused every workflow command for now.
    case staff(Staff)
    /// The requester, identified by the case's tracking code (一案一码).
    case requester(TrackingCode)
    /// A background job (`job` names it, e.g. `revisit-window`): automatic archive and escalation.
    case system(job: String)
}
