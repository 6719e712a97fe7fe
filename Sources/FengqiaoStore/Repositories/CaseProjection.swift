import Foundation

/// The columns of a `cases` row that a workflow command moves (the projection of its events); the
/// clock columns `due_at` and `clock_status` are kept by the clock book.
public struct CaseProjection: Sendable, Equatable {
    public var state: String
    public var version: Int
    public var kind: String
    public var category: String
    public var urgency: String
    public var tier: String
    public var leadDepartmentId: Int64?
    public var supervision: String
    /// The tier the case was resolved at and when (closed, and not reopened since); nil otherwise.
    public var resolvedTier: String?
    public var resolvedAt: Int64?
    /// The latest revisit's rating (`Satisfaction`), nil before a revisit.
    public var satisfaction: String?
    public var updatedAt: Int64

    public init(
        state: String, version: Int, kind: String, category: String, urgency: String, tier: String,
        leadDepartmentId: Int64?, supervision: String, resolvedTier: String? = nil, resolvedAt: Int64? = nil,
        satisfaction: String? = nil, updatedAt: Int64
    ) {
        self.satisfaction = satisfaction
        self.state = state
        self.version = version
        self.kind = kind
        self.category = category
        self.urgency = urgency
        self.tier = tier
        self.leadDepartmentId = leadDepartmentId
        self.supervision = supervision
        self.resolvedTier = resolvedTier
        self.resolvedAt = resolvedAt
        self.updatedAt = updatedAt
    }
}
