import Foundation

/// Sign-in and session rules the security admin sets; the defaults follow 等保 2.0 practice.
public struct SecurityPolicy: Sendable, Hashable, Codable {
    public var password: PasswordPolicy
    /// Consecutive failures that lock an account.
    public var lockoutThreshold: Int
    public var lockoutMinutes: Int
    /// A session unused this long ends.
    public var idleTimeoutMinutes: Int
    /// A session ends this long after sign-in, whatever the activity.
    public var sessionLifetimeHours: Int

    public init(
        password: PasswordPolicy = PasswordPolicy(), lockoutThreshold: Int = 5, lockoutMinutes: Int = 15,
        idleTimeoutMinutes: Int = 30, sessionLifetimeHours: Int = 12
    ) {
        self.password = password
        self.lockoutThreshold = lockoutThreshold
        self.lockoutMinutes = lockoutMinutes
        self.idleTimeoutMinutes = idleTimeoutMinutes
        self.sessionLifetimeHours = sessionLifetimeHours
    }
}
