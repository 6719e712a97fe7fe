import Foundation

/// A machine's API token. Only the SHA-256 of the token is stored; `prefix` is its first characters
/// after `fq_`, to tell tokens apart in lists.
public struct ApiTokenRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var name: String
    public var prefix: String
    public var tokenHash: String
    /// Scope names separated by single spaces (`ApiScope` raw values).
    public var scope: String
    /// The token's jurisdiction: this area and everything below it.
    public var areaCode: String
    /// Who made it: a username, or `cli:<user>` from the command line.
    public var createdBy: String
    public var createdAt: Int64
    public var lastUsedAt: Int64?
    public var revokedAt: Int64?

    public init(
        id: Int64? = nil, name: String, prefix: String, tokenHash: String, scope: String, areaCode: String,
        createdBy: String, createdAt: Int64, lastUsedAt: Int64? = nil, revokedAt: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.tokenHash = tokenHash
        self.scope = scope
        self.areaCode = areaCode
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
