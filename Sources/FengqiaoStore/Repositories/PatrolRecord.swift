import Foundation

/// A row of `patrols`: one patrol of a grid worker, named by the phone's `clientRef`.
public struct PatrolRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var accountId: Int64
    public var clientRef: String
    public var gridCode: String
    public var startedAt: Int64
    public var endedAt: Int64?
    /// JSON of the walked checklist.
    public var checklist: String?
    public var note: String?
    public var pointCount: Int64
    public var createdAt: Int64

    public init(
        id: Int64? = nil, accountId: Int64, clientRef: String, gridCode: String, startedAt: Int64, endedAt: Int64? = nil,
        checklist: String? = nil, note: String? = nil, pointCount: Int64 = 0, createdAt: Int64
    ) {
        self.id = id
        self.accountId = accountId
        self.clientRef = clientRef
        self.gridCode = gridCode
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.checklist = checklist
        self.note = note
        self.pointCount = pointCount
        self.createdAt = createdAt
    }
}
