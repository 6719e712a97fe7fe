/// A page of the inbox, newest first; `next` is the cursor of the following page, nil on the last one.
public struct InboxPage: Sendable, Codable, Equatable {
    public var messages: [InboxItem]
    public var unread: Int
    public var next: String?

    enum CodingKeys: String, CodingKey { case messages, unread, next }

    /// `next` is written as `null` on the last page rather than left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messages, forKey: .messages)
        try container.encode(unread, forKey: .unread)
        try container.encode(next, forKey: .next)
    }
}
