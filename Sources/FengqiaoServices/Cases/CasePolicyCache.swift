import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging
import SQLKit

/// Holds the case policy stored in `platform_settings` (`case_policy`). A save through this instance
/// applies at once; one made by another instance is read at most `recheckInterval` later. With nothing
/// stored, the defaults of `CasePolicy()` apply.
public final class CasePolicyCache: Sendable {
    static let settingName = "case_policy"
    private let kept: RecheckedValue<CasePolicy>

    public init(recheckInterval: TimeInterval = 5) { self.kept = RecheckedValue(recheckInterval: recheckInterval) }

    /// The policy in force at `now`.
    public func policy(from database: any Database, now: Date, logger: Logger) async throws -> CasePolicy {
        try await kept.value(at: now) { try await database.read { try await Self.load(from: $0, logger: logger) } }
    }

    /// Replaces the cached policy after this instance saved one.
    func remember(_ policy: CasePolicy, at now: Date) { kept.remember(policy, at: now) }

    /// The stored policy, or the defaults when none is stored. A stored value that cannot be read or no
    /// longer passes validation is logged and the defaults apply, so that cases keep moving.
    static func load(from db: any SQLDatabase, logger: Logger) async throws -> CasePolicy {
        guard let json = try await SettingsRepository(db).value(settingName) else { return CasePolicy() }
        do {
            let policy = try JSONDecoder().decode(CasePolicy.self, from: Data(json.utf8))
            let problems = policy.problems()
            guard problems.isEmpty else {
                logger.error("stored case policy invalid; defaults apply",
                             metadata: ["problems": "\(problems.map(\.message))"])
                return CasePolicy()
            }
            return policy
        } catch {
            logger.error("stored case policy unreadable; defaults apply", metadata: ["error": "\(error)"])
            return CasePolicy()
        }
    }

    static func store(_ policy: CasePolicy, in db: any SQLDatabase) async throws {
        try await SettingsRepository(db).set(settingName, to: try json(policy))
    }

    static func json(_ policy: CasePolicy) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(policy), as: UTF8.self)
    }
}
