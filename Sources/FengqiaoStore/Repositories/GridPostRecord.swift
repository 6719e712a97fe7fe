import Foundation

/// One holder of one post in one grid (一格一长一警一专多兼), with the holder's account details.
public struct GridPostRecord: Sendable, Codable, Equatable {
    public var gridCode: String
    public var post: String
    public var accountId: Int64
    public var assignedAt: Int64
    /// From the account (read only).
    public var displayName: String?
    public var username: String?

    public init(
        gridCode: String, post: String, accountId: Int64, assignedAt: Int64, displayName: String? = nil,
        username: String? = nil
    ) {
        self.gridCode = gridCode
        self.post = post
        self.accountId = accountId
        self.assignedAt = assignedAt
        self.displayName = displayName
        self.username = username
    }
}
