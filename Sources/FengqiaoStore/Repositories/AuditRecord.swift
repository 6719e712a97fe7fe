import Foundation

/// One audit-log record: who did what to which object, when and from where, chained by hash to the
/// record before it.
public struct AuditRecord: Sendable, Codable, Equatable {
    public var id: Int64
    public var at: Int64
    public var actorId: Int64?
    /// Username, or `public` for residents and `system` for jobs.
    public var actor: String
    public var role: String
    public var ip: String
    /// Stable action code, e.g. `session.sign_in`, `person.reveal`, `export.people`.
    public var action: String
    public var objectType: String
    public var objectId: String
    /// A short JSON summary (before/after of what changed; never a plaintext identifier).
    public var summary: String
    public var previousHash: String
    public var hash: String

    public init(
        id: Int64, at: Int64, actorId: Int64?, actor: String, role: String, ip: String, action: String,
        objectType: String, objectId: String, summary: String, previousHash: String, hash: String
    ) {
        self.id = id
        self.at = at
        self.actorId = actorId
        self.actor = actor
        self.role = role
        self.ip = ip
        self.action = action
        self.objectType = objectType
        self.objectId = objectId
        self.summary = summary
        self.previousHash = previousHash
        self.hash = hash
    }
}
