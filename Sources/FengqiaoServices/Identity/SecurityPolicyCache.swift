import FengqiaoDomain
import FengqiaoStore
import Foundation
import Logging
import SQLKit

/// Holds the security policy stored in `platform_settings`. A save through this instance applies at
/// once; one made by another instance (several web servers on one PostgreSQL) is read at most
/// `recheckInterval` later. With nothing stored, the defaults apply.
public final class SecurityPolicyCache: Sendable {
    static let settingName = "security_policy"
    private let kept: RecheckedValue<SecurityPolicy>

    public init(recheckInterval: TimeInterval = 5) { self.kept = RecheckedValue(recheckInterval: recheckInterval) }

    /// The policy in force at `now`.
    public func policy(from database: any Database, now: Date, logger: Logger) async throws -> SecurityPolicy {
        try await kept.value(at: now) { try await database.read { try await Self.load(from: $0, logger: logger) } }
    }

    /// Replaces the cached policy after this instance saved one.
    func remember(_ policy: SecurityPolicy, at now: Date) { kept.remember(policy, at: now) }

    /// The stored policy, or the defaults when none is stored. A stored value that cannot be read is
    /// logged and the defaults apply, so that nobody is shut out, the security admin included.
    static func load(from db: any SQLDatabase, logger: Logger) async throws -> SecurityPolicy {
        guard let json = try await SettingsRepository(db).value(settingName) else { return SecurityPolicy() }
        do {
            return try JSONDecoder().decode(SecurityPolicy.self, from: Data(json.utf8))
        } catch {
            logger.error("stored security policy unreadable; defaults apply", metadata: ["error": "\(error)"])
            return SecurityPolicy()
        }
    }

    static func store(_ policy: SecurityPolicy, in db: any SQLDatabase) async throws {
        try await SettingsRepository(db).set(settingName, to: try json(policy))
    }

    static func json(_ policy: SecurityPolicy) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(policy), as: UTF8.self)
    }
}
