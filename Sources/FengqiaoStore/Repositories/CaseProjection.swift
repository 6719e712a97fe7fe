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
    public var updatedAt: Int64

    public init(
        state: String, version: Int, kind: String, category: String, urgency: String, tier: String,
        leadDepartmentId: Int64?, supervision: String, updatedAt: Int64
    ) {
        self.state = state
        self.version = version
        self.kind = kind
        self.category = category
        self.urgency = urgency
        self.tier = tier
        self.leadDepartmentId = leadDepartmentId
        self.supervision = supervision
        self.updatedAt = updatedAt
    }
}
