import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Reading and setting the security policy (password rules, lockout, session limits, roles that must
/// sign in with two factors). Only the security admin (`grantRoles`) sees or sets it; every change is
/// audited with the policy before and after.
public struct SecurityPolicyStore: Sendable {
    let platform: Platform

    public init(platform: Platform) { self.platform = platform }

    /// The policy in force, for the security admin's form.
    public func current(caller: Caller) async throws -> SecurityPolicy {
        try caller.staff.require(.grantRoles)
        return try await platform.securityPolicy()
    }

    /// Validates and stores `submission`; returns the policy now in force.
    @discardableResult
    public func save(_ submission: SecurityPolicySubmission, by caller: Caller) async throws -> SecurityPolicy {
        try caller.staff.require(.grantRoles)
        let policy = try submission.validated()
        try await platform.securityPolicies.save(policy, action: "security_policy.update", caller: caller, platform: platform)
        return policy
    }
}
