import Foundation

/// Sign-in and session rules the security admin sets; the defaults follow 等保 2.0 practice.
public struct SecurityPolicy: Sendable, Hashable, Codable {
    public var password: PasswordPolicy
    /// Consecutive failures (wrong passwords or wrong two-factor codes) that lock an account.
    public var lockoutThreshold: Int
    public var lockoutMinutes: Int
    /// A session unused this long ends.
    public var idleTimeoutMinutes: Int
    /// A session ends this long after sign-in, whatever the activity.
    public var sessionLifetimeHours: Int
    /// Roles that must sign in with a one-time code (TOTP) besides the password.
    public var twoFactorRoles: Set<Role>

    public init(
        password: PasswordPolicy = PasswordPolicy(), lockoutThreshold: Int = 5, lockoutMinutes: Int = 15,
        idleTimeoutMinutes: Int = 30, sessionLifetimeHours: Int = 12, twoFactorRoles: Set<Role> = []
    ) {
        self.password = password
        self.lockoutThreshold = lockoutThreshold
        self.lockoutMinutes = lockoutMinutes
        self.idleTimeoutMinutes = idleTimeoutMinutes
        self.sessionLifetimeHours = sessionLifetimeHours
        self.twoFactorRoles = twoFactorRoles
    }

    /// The accepted range of every setting.
    public enum Limits {
        public static let minimumLength = 8...64
        public static let minimumClasses = 1...4
        public static let lockoutThreshold = 3...20
        public static let lockoutMinutes = 1...1440
        public static let idleTimeoutMinutes = 5...240
        public static let sessionLifetimeHours = 1...24
    }

    /// The field errors of this policy (a setting out of its range), empty when it may be saved.
    public func problems() -> [FieldError] {
        var errors: [FieldError] = []
        func check(_ value: Int, _ range: ClosedRange<Int>, _ field: String, _ label: String, _ unit: String) {
            guard !range.contains(value) else { return }
            errors.append(FieldError(
                field: field, code: "out_of_range",
                message: "\(label)应在\(range.lowerBound)到\(range.upperBound)\(unit)之间"))
        }
        check(password.minimumLength, Limits.minimumLength, "minimumLength", "密码最短长度", "个字符")
        check(password.minimumClasses, Limits.minimumClasses, "minimumClasses", "密码须含字符类别数", "类")
        check(lockoutThreshold, Limits.lockoutThreshold, "lockoutThreshold", "锁定前允许的连续失败次数", "次")
        check(lockoutMinutes, Limits.lockoutMinutes, "lockoutMinutes", "锁定时长", "分钟")
        check(idleTimeoutMinutes, Limits.idleTimeoutMinutes, "idleTimeoutMinutes", "空闲超时", "分钟")
        check(sessionLifetimeHours, Limits.sessionLifetimeHours, "sessionLifetimeHours", "会话最长时间", "小时")
        return errors
    }

    // Stored as JSON in the settings table: a setting missing from what an older version stored keeps
    // its default, and the roles are written in a fixed order so the audit's before/after is stable.
    enum CodingKeys: String, CodingKey {
        case password, lockoutThreshold, lockoutMinutes, idleTimeoutMinutes, sessionLifetimeHours, twoFactorRoles
    }

    public init(from decoder: any Decoder) throws {
        let defaults = SecurityPolicy()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        password = try c.decodeIfPresent(PasswordPolicy.self, forKey: .password) ?? defaults.password
        lockoutThreshold = try c.decodeIfPresent(Int.self, forKey: .lockoutThreshold) ?? defaults.lockoutThreshold
        lockoutMinutes = try c.decodeIfPresent(Int.self, forKey: .lockoutMinutes) ?? defaults.lockoutMinutes
        idleTimeoutMinutes = try c.decodeIfPresent(Int.self, forKey: .idleTimeoutMinutes) ?? defaults.idleTimeoutMinutes
        sessionLifetimeHours =
            try c.decodeIfPresent(Int.self, forKey: .sessionLifetimeHours) ?? defaults.sessionLifetimeHours
        twoFactorRoles = Set(try c.decodeIfPresent([Role].self, forKey: .twoFactorRoles) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(password, forKey: .password)
        try c.encode(lockoutThreshold, forKey: .lockoutThreshold)
        try c.encode(lockoutMinutes, forKey: .lockoutMinutes)
        try c.encode(idleTimeoutMinutes, forKey: .idleTimeoutMinutes)
        try c.encode(sessionLifetimeHours, forKey: .sessionLifetimeHours)
        try c.encode(Role.allCases.filter(twoFactorRoles.contains), forKey: .twoFactorRoles)
    }
}
