import Foundation

/// An account row: a member of staff who signs in.
public struct AccountRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var role: String
    public var areaCode: String
    public var departmentId: Int64?
    public var phoneCipher: String?
    /// `AccountStatus` raw value: `active`, `pending` (awaiting a security administrator's grant) or `disabled`.
    public var status: String
    public var failedLogins: Int
    public var lockedUntil: Int64?
    public var lastLoginAt: Int64?
    public var passwordChangedAt: Int64?
    public var createdAt: Int64
    /// The TOTP secret (base32) sealed with the data key: pending while `totpEnabledAt` is nil.
    public var totpSecretCipher: String?
    /// When two-factor sign-in was switched on; nil while off or still being enrolled.
    public var totpEnabledAt: Int64?
    /// The last accepted TOTP time step; a code of this step or earlier is refused.
    public var totpLastStep: Int64?

    public init(
        id: Int64? = nil, username: String, displayName: String, passwordHash: String, role: String,
        areaCode: String, departmentId: Int64? = nil, phoneCipher: String? = nil, status: String = "active",
        failedLogins: Int = 0, lockedUntil: Int64? = nil, lastLoginAt: Int64? = nil,
        passwordChangedAt: Int64? = nil, createdAt: Int64, totpSecretCipher: String? = nil,
        totpEnabledAt: Int64? = nil, totpLastStep: Int64? = nil
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.areaCode = areaCode
        self.departmentId = departmentId
        self.phoneCipher = phoneCipher
        self.status = status
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.lastLoginAt = lastLoginAt
        self.passwordChangedAt = passwordChangedAt
        self.createdAt = createdAt
        self.totpSecretCipher = totpSecretCipher
        self.totpEnabledAt = totpEnabledAt
        self.totpLastStep = totpLastStep
    }
}
