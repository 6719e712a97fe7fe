import Foundation

/// One row of `inbox_messages`: a message in a member of staff's in-app inbox.
public struct InboxMessageRecord: Sendable, Hashable, Codable {
    public var id: Int64?
    public var accountId: Int64
    public var outboxId: Int64?
    public var caseId: Int64?
    /// `notice`, or `task` (e.g. 请电话联系).
    public var kind: String
    public var title: String
    public var body: String
    public var createdAt: Int64
    public var readAt: Int64?

    public init(
        id: Int64? = nil, accountId: Int64, outboxId: Int64?, caseId: Int64?, kind: String, title: String, body: String,
        createdAt: Int64, readAt: Int64? = nil
    ) {
        self.id = id
        self.accountId = accountId
        self.outboxId = outboxId
        self.caseId = caseId
        self.kind = kind
        self.title = title
        self.body = body
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
