import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging
import SQLKit

/// Holds a policy stored in `platform_settings` (the security policy, the case policy). A save
/// through this instance applies at once; one made by another instance (several web servers on one
/// PostgreSQL) is read at most `recheckInterval` later. With nothing stored, the defaults apply.
public final class PolicyCache<Policy: StoredPolicy>: Sendable {
    private let kept: RecheckedValue<Policy>

    public init(recheckInterval: TimeInterval = 5) { self.kept = RecheckedValue(recheckInterval: recheckInterval) }

    /// The policy in force at `now`.
    public func policy(from database: any Database, now: Date, logger: Logger) async throws -> Policy {
        try await kept.value(at: now) { try await database.read { try await Self.load(from: $0, logger: logger) } }
    }

    /// Stores `policy` (the caller validated it) in one write transaction
    /// with an audit entry `action` holding the policy before and after, then applies it here at once.
    func save(_ policy: Policy, action: String, caller: Caller, platform: Platform) async throws {
        let now = platform.clock.now()
        let (kind, logger) = (platform.database.kind, platform.logger)
        try await platform.database.write { db in
            let before = try await Self.load(from: db, logger: logger)
            try await SettingsRepository(db).set(Policy.settingName, to: try Self.json(policy))
            let summary = #"{"after":\#(try Self.json(policy)),"before":\#(try Self.json(before))}"#
            try await AuditTrail.append(
                AuditEntry(caller, action: action, objectType: Policy.settingName, objectID: Policy.settingName,
                           summary: summary),
                at: now.millisecondsSince1970, in: db, kind: kind)
        }
        kept.remember(policy, at: now)
    }

    /// The stored policy, or the defaults when none is stored. A stored value that cannot be read or no
    /// longer passes validation is logged and the defaults apply, so that nobody is shut out (the
    /// security admin included) and cases keep moving.
    static func load(from db: any SQLDatabase, logger: Logger) async throws -> Policy {
        guard let json = try await SettingsRepository(db).value(Policy.settingName) else { return Policy.defaults }
        do {
            let policy = try JSONDecoder().decode(Policy.self, from: Data(json.utf8))
            let problems = policy.problems()
            guard problems.isEmpty else {
                logger.error("stored policy invalid; defaults apply",
                             metadata: ["setting": "\(Policy.settingName)", "problems": "\(problems.map(\.message))"])
                return Policy.defaults
            }
            return policy
        } catch {
            logger.error("stored policy unreadable; defaults apply",
                         metadata: ["setting": "\(Policy.settingName)", "error": "\(error)"])
            return Policy.defaults
        }
    }

    static func json(_ policy: Policy) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(policy), as: UTF8.self)
    }
}
