import Foundation

/// A security policy as the security admin submits it (form fields are text), before validation.
public struct SecurityPolicySubmission: Sendable, Equatable {
    public var minimumLength: String?
    public var minimumClasses: String?
    public var lockoutThreshold: String?
    public var lockoutMinutes: String?
    public var idleTimeoutMinutes: String?
    public var sessionLifetimeHours: String?
    /// Raw values of the roles that must use two-factor sign-in.
    public var twoFactorRoles: [String]

    public init(
        minimumLength: String? = nil, minimumClasses: String? = nil, lockoutThreshold: String? = nil,
        lockoutMinutes: String? = nil, idleTimeoutMinutes: String? = nil, sessionLifetimeHours: String? = nil,
        twoFactorRoles: [String] = []
    ) {
        self.minimumLength = minimumLength
        self.minimumClasses = minimumClasses
        self.lockoutThreshold = lockoutThreshold
        self.lockoutMinutes = lockoutMinutes
        self.idleTimeoutMinutes = idleTimeoutMinutes
        self.sessionLifetimeHours = sessionLifetimeHours
        self.twoFactorRoles = twoFactorRoles
    }

    /// The submission of what `policy` holds (to fill a form).
    public init(_ policy: SecurityPolicy) {
        self.init(
            minimumLength: String(policy.password.minimumLength),
            minimumClasses: String(policy.password.minimumClasses),
            lockoutThreshold: String(policy.lockoutThreshold), lockoutMinutes: String(policy.lockoutMinutes),
            idleTimeoutMinutes: String(policy.idleTimeoutMinutes),
            sessionLifetimeHours: String(policy.sessionLifetimeHours),
            twoFactorRoles: Role.allCases.filter(policy.twoFactorRoles.contains).map(\.rawValue))
    }

    /// The policy, or `DomainError.validation` listing every field that is missing, not a whole
    /// number, out of range, or names an unknown role.
    public func validated() throws(DomainError) -> SecurityPolicy {
        var errors: [FieldError] = []
        func number(_ value: String?, _ field: String, _ label: String) -> Int {
            guard let text = InputRules.text(value) else {
                errors.append(.required(field, label: label))
                return 0
            }
            guard text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text) else {
                errors.append(FieldError(field: field, code: "not_a_number", message: "\(label)须填写整数"))
                return 0
            }
            return number
        }
        let values = (
            number(minimumLength, "minimumLength", "密码最短长度"),
            number(minimumClasses, "minimumClasses", "密码须含字符类别数"),
            number(lockoutThreshold, "lockoutThreshold", "锁定前允许的连续失败次数"),
            number(lockoutMinutes, "lockoutMinutes", "锁定时长"),
            number(idleTimeoutMinutes, "idleTimeoutMinutes", "空闲超时"),
            number(sessionLifetimeHours, "sessionLifetimeHours", "会话最长时间"))
        var roles: Set<Role> = []
        for raw in twoFactorRoles {
            guard let role = Role(rawValue: raw) else {
                errors.append(FieldError(field: "twoFactorRoles", code: "invalid_choice", message: "角色不在可选范围内"))
                continue
            }
            roles.insert(role)
        }
        let policy = SecurityPolicy(
            password: PasswordPolicy(minimumLength: values.0, minimumClasses: values.1), lockoutThreshold: values.2,
            lockoutMinutes: values.3, idleTimeoutMinutes: values.4, sessionLifetimeHours: values.5,
            twoFactorRoles: roles)
        let fieldsWithErrors = Set(errors.map(\.field))
        errors += policy.problems().filter { !fieldsWithErrors.contains($0.field) }
        guard errors.isEmpty else { throw .validation(errors) }
        return policy
    }
}
