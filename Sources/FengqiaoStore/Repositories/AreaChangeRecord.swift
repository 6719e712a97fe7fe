import Foundation

/// One change of the area tree, kept for history: a case filed under a retired grid can always be
/// traced to what replaced it.
public struct AreaChangeRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var areaCode: String
    /// `created`, `renamed`, `redrawn`, `split`, `merged`, `moved` or `retired`.
    public var change: String
    /// China-time day the change takes effect.
    public var effectiveOn: String
    /// JSON of what the area was and became (name, parent, boundary area, codes).
    public var before: String
    public var after: String
    /// Codes on the other side of a split, merge or move, `|`-separated.
    public var relatedCodes: String
    public var accountId: Int64?
    public var recordedAt: Int64

    public init(
        id: Int64? = nil, areaCode: String, change: String, effectiveOn: String, before: String, after: String,
        relatedCodes: String, accountId: Int64?, recordedAt: Int64
    ) {
        self.id = id
        self.areaCode = areaCode
        self.change = change
        self.effectiveOn = effectiveOn
        self.before = before
        self.after = after
        self.relatedCodes = relatedCodes
        self.accountId = accountId
        self.recordedAt = recordedAt
    }
}
