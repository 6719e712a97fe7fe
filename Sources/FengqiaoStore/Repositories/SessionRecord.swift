import Foundation

/// A signed-in session. Only the SHA-256 of the cookie's token is stored.
public struct SessionRecord: Sendable, Codable, Equatable {
    public var tokenHash: String
    public var accountId: Int64
    public var csrfToken: String
    public var ip: String
    public var createdAt: Int64
    public var lastSeenAt: Int64
    /// The absolute end of the session, whatever the activity.
    public var expiresAt: Int64
    /// `active`, or half-open after the password: `totp` (a code is due) or `enrol` (two-factor
    /// sign-in must be set up first).
    public var stage: String

    public init(
        tokenHash: String, accountId: Int64, csrfToken: String, ip: String, createdAt: Int64, lastSeenAt: Int64,
        expiresAt: Int64, stage: String = "active"
    ) {
        self.tokenHash = tokenHash
        self.accountId = accountId
        self.csrfToken = csrfToken
        self.ip = ip
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.stage = stage
    }
}
