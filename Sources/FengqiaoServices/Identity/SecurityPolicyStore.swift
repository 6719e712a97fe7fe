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
        let now = platform.clock.now()
        let kind = platform.database.kind
        let logger = platform.logger
        try await platform.database.write { db in
            let before = try await SecurityPolicyCache.load(from: db, logger: logger)
            try await SecurityPolicyCache.store(policy, in: db)
            let summary = #"{"after":\#(try SecurityPolicyCache.json(policy)),"before":\#(try SecurityPolicyCache.json(before))}"#
            try await AuditTrail.append(
                AuditEntry(caller, action: "security_policy.update", objectType: "security_policy",
                           objectID: SecurityPolicyCache.settingName,
                           summary: summary),
                at: now.millisecondsSince1970, in: db, kind: kind)
        }
        platform.securityPolicies.remember(policy, at: now)
        return policy
    }
}
