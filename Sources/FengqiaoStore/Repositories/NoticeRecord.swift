import Foundation

/// A row of `notices` (see `M022PortalNotices`): a public notice (公告) of an area.
public struct NoticeRecord: Sendable, Codable, Equatable {
    public var id: Int64?
    public var areaCode: String
    public var title: String
    public var body: String
    /// `draft` | `published` | `withdrawn`.
    public var state: String
    public var publishDay: String
    public var expiryDay: String?
    public var createdBy: String
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(id: Int64? = nil, areaCode: String, title: String, body: String, state: String, publishDay: String,
                expiryDay: String?, createdBy: String, createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.areaCode = areaCode
        self.title = title
        self.body = body
        self.state = state
        self.publishDay = publishDay
        self.expiryDay = expiryDay
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
