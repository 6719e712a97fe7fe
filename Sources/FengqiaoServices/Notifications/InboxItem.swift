import Foundation

/// A message in a member of staff's inbox.
public struct InboxItem: Sendable, Codable, Equatable {
    public var id: Int64
    /// `notice` or `task`.
    public var kind: String
    public var title: String
    public var body: String
    public var caseId: Int64?
    public var createdAt: Date
    public var readAt: Date?
}
