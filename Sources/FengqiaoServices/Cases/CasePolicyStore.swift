import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Reading and setting the case policy (办理规则: attempts and deadlines per tier, automatic escalation,
/// check-in times, the return window, reopens). The system admin configures it (`configureCases`);
/// every change is audited (`case_policy.update`) with the policy before and after.
public struct CasePolicyStore: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The policy in force, for the administrator's form.
    public func current(caller: Caller) async throws -> CasePolicy {
        try caller.staff.require(.configureCases)
        return try await platform.casePolicy()
    }

    /// Validates and stores `submission`; returns the policy now in force.
    @discardableResult
    public func save(_ submission: CasePolicySubmission, by caller: Caller) async throws -> CasePolicy {
        try caller.staff.require(.configureCases)
        let policy = try submission.validated()
        try await platform.casePolicies.save(policy, action: "case_policy.update", caller: caller, platform: platform)
        return policy
    }
}
